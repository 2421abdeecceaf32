/**
 * The compiler is deterministic: the same source gives byte-identical artifacts (the ELF object
 * and the JSON of programs, maps and layouts), compiled twice in one process, and compiled in a
 * fresh process started elsewhere, with another time zone and locale. The corpus and one
 * tracepoint probe (with a pinned format) are the inputs.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { compile } from "@ts-bpf/compiler";

const CORPUS = new URL("./corpus/", import.meta.url).pathname;
const COMPILER = new URL("../mod.ts", import.meta.url).pathname;

const OPENAT_FORMAT = `name: sys_enter_openat
ID: 782
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;
\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;
\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;
`;

/** Kernel struct offsets for kernelOffset(), pinned as the format is (Linux 6.18's). */
const KERNEL_OFFSETS: Record<string, number> = { "task_struct.pid": 1264, "task_struct.tgid": 1268,
  "task_struct.real_parent": 1280, "task_struct.comm": 1752 };

const TRACEPOINT_PROBE = `import { comm, HashMap, Histogram, pid, readUserStr, RingBuf, type str, tracepoint, u32,
  u64 } from "@ts-bpf/probes";
interface Open { pid: u32; comm: str<16>; file: str<64> }
const opens = new RingBuf<Open>({ bytes: 8192 });
const perPid = new HashMap<u32, u64>({ entries: 64 });
const sizes = new Histogram<u32>();
tracepoint("syscalls:sys_enter_openat", (ctx) => {
  const n = perPid.get(pid());
  perPid.set(pid(), n === undefined ? 1n : n + 1n);
  sizes.record(ctx.filename, pid());
  opens.emit({ pid: pid(), comm: comm(), file: readUserStr(ctx.filename, 64) });
});
`;

/** Inputs: every corpus program, plus a tracepoint probe. */
function inputs(): { file: string; source: string }[] {
  const corpus = readdirSync(CORPUS).filter((f) => f.endsWith(".ts")).sort()
    .map((file) => ({ file, source: readFileSync(`${CORPUS}${file}`, "utf8") }));
  return [...corpus, { file: "opensnoop.ts", source: TRACEPOINT_PROBE }];
}

/** file → sha256 of the ELF object and of the artifact's JSON without it. */
function digests(list: { file: string; source: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { file, source } of list) {
    const kernelTypes = {
      memberOffset(struct: string, member: string): number {
        const offset = KERNEL_OFFSETS[`${struct}.${member}`];
        if (offset === undefined) throw new Error(`no pinned offset for ${struct}.${member}`);
        return offset;
      },
    };
    const result = compile({ file, source, tracepointFormat: () => OPENAT_FORMAT, kernelTypes });
    if (!result.artifact) throw new Error(`${file} does not compile:\n${result.rendered()}`);
    const { object, ...layout } = result.artifact;
    const sha = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
    out[file] = `${sha(object)} ${sha(JSON.stringify(layout))}`;
  }
  return out;
}

describe("determinism", () => {
  test("compiling the same sources twice in one process gives identical artifacts", () => {
    const list = inputs();
    expect(list.length).toBeGreaterThan(150);
    expect(digests(list)).toEqual(digests(list));
  });

  test("a fresh process elsewhere, in another time zone and locale, gives identical artifacts", () => {
    const list = inputs();
    // The child gets this module's digests() through its source, and the inputs on stdin.
    const script = `
      import { compile } from ${JSON.stringify(COMPILER)};
      import { createHash } from "node:crypto";
      const OPENAT_FORMAT = ${JSON.stringify(OPENAT_FORMAT)};
      const KERNEL_OFFSETS = ${JSON.stringify(KERNEL_OFFSETS)};
      const list = JSON.parse(await Bun.stdin.text());
      ${digests.toString()}
      console.log(JSON.stringify(digests(list)));
    `;
    const child = spawnSync(process.execPath, ["-e", script], {
      cwd: "/", input: JSON.stringify(list), encoding: "utf8", maxBuffer: 16 << 20,
      env: { ...process.env, TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
    });
    if (child.status !== 0) throw new Error(`the child process failed:\n${child.stderr}`);
    expect(JSON.parse(child.stdout) as Record<string, string>).toEqual(digests(list));
  }, 60_000);
});
