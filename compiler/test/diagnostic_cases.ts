/**
 * The harness of the diagnostic tests: `rejects(what, body, rendered)` registers a test that
 * compiles `body` as probe.ts and asserts its rendered diagnostics, exactly. A body without its
 * own import line gets PRELUDE as line 1, so line numbers in the expected text start at 2.
 * Tracepoint formats are pinned here (copied from Linux 6.18's tracefs) so that the text does
 * not depend on the machine running the tests.
 */
import { expect, test } from "bun:test";
import { compile, type KernelTypes } from "@ts-bpf/compiler";

export const PRELUDE = "import { ArrayMap, Count, HashMap, Histogram, RingBuf, test, tracepoint, uprobe, " +
  "u8, u16, u32, u64, i32, i64, type bool, type Arr, type str, pid, readUser, printk, kstack } " +
  "from \"@ts-bpf/probes\";\n";

/** syscalls:sys_enter_openat as tracefs shows it. */
const SYS_ENTER_OPENAT = `name: sys_enter_openat
ID: 782
format:
	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
	field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
	field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
	field:int common_pid;	offset:4;	size:4;	signed:1;

	field:int __syscall_nr;	offset:8;	size:4;	signed:1;
	field:int dfd;	offset:16;	size:8;	signed:0;
	field:const char * filename;	offset:24;	size:8;	signed:0;
	field:int flags;	offset:32;	size:8;	signed:0;
	field:umode_t mode;	offset:40;	size:8;	signed:0;
`;

const FORMATS: Record<string, string> = { "syscalls:sys_enter_openat": SYS_ENTER_OPENAT };

/**
 * Kernel struct offsets, pinned as the formats are: task_struct's pid and tgid (Linux 6.18's
 * offsets); anything else is refused with the words loader/src/btf/kernel_struct_offsets.ts uses.
 */
const KERNEL_TYPES: KernelTypes = {
  memberOffset(struct, member) {
    if (struct !== "task_struct") throw new Error(`the kernel has no struct or union named '${struct}'`);
    const offset = ({ pid: 1264, tgid: 1268 } as Record<string, number>)[member];
    if (offset === undefined) throw new Error(`struct 'task_struct' (type id 201) has no member '${member}'`);
    return offset;
  },
};

/** The rendered diagnostics of compiling `body` (with PRELUDE unless it imports itself). */
export function diagnose(body: string, kernelTypes: KernelTypes | null = KERNEL_TYPES):
  { compiled: boolean; rendered: string } {
  const source = body.startsWith("import") ? body : PRELUDE + body;
  const result = compile({ file: "probe.ts", source, tracepointFormat: (name) => FORMATS[name],
    kernelTypes: kernelTypes ?? undefined });
  return { compiled: result.artifact !== undefined, rendered: result.rendered() };
}

/** A test that `body` is rejected with exactly `rendered` (both given after a leading newline). */
export function rejects(what: string, body: string, rendered: string, options: { kernelTypes?: false } = {}): void {
  test(`compile() rejects ${what}`, () => {
    const result = diagnose(body.replace(/^\n/, ""), options.kernelTypes === false ? null : KERNEL_TYPES);
    expect(result.compiled).toBe(false);
    expect(result.rendered).toBe(rendered.replace(/^\n/, "").replace(/\n$/, ""));
  });
}
