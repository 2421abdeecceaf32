/**
 * rawTracepoint(name, handler, { btf: true }) compiles to a tp_btf program (section tp_btf/<name>,
 * prog type TRACING), and readKernel<T>(ctx.arg(n) + offset) through its pointer argument to
 * direct loads the verifier checks against the kernel's types. Attached for real: it counts this
 * process's getppid() calls (x86-64 syscall 110) from sys_exit's pt_regs.
 */
import { expect } from "bun:test";
import { getpid, getppid, ProgType } from "@ts-bpf/loader";
import { kernelTest } from "../../test/support/gates.ts";
import { compile } from "@ts-bpf/compiler";
import { compileOk, loadProbe, tracefsFormat } from "./support.ts";

const probe = (pid: number) => `
import { ArrayMap, pid, rawTracepoint, readKernel, type u64 } from "@ts-bpf/probes";
interface Tail { di: u64; nr: u64 }
const calls = new ArrayMap<u64>({ entries: 1 });
rawTracepoint("sys_exit", (ctx) => {
  if (pid() !== ${pid}) return;
  const regs = readKernel<Tail>(ctx.arg(0) + 112n); // pt_regs: di at 112, orig_ax at 120
  if (regs.nr !== 110n) return;
  const n = calls.get(0);
  if (n !== undefined) calls.set(0, n + 1n);
}, { btf: true });
`;

kernelTest("a BTF-typed raw tracepoint reads pt_regs with direct loads and counts real syscalls", () => {
  const artifact = compileOk(probe(getpid()));
  const program = artifact.programs[0]!;
  expect(program.section).toBe("tp_btf/sys_exit");
  expect(program.progType).toBe(ProgType.TRACING);
  expect(program.attach.btf).toBe(true);
  using collection = loadProbe(artifact);
  {
    using _link = collection.attach(program.name);
    for (let i = 0; i < 77; i++) getppid();
  }
  const value = collection.map("calls").lookup(new Uint8Array(4))!;
  expect(new DataView(value.buffer, value.byteOffset).getBigUint64(0, true)).toBe(77n);
});

kernelTest("the registers are loaded directly; without { btf: true } the helper reads them", () => {
  const dump = (source: string) => compile({ file: "probe.ts", source, tracepointFormat: tracefsFormat,
    dump: ["bpf"] }).dumps.bpf!;
  const typed = dump(probe(1));
  expect(typed).not.toContain("bpf_probe_read_kernel");
  expect(typed).toMatch(/= \*\(u64 \*\)\(r\d \+120\)/);
  expect(dump(probe(1).replace(", { btf: true }", ""))).toContain("call bpf_probe_read_kernel#113");
});
