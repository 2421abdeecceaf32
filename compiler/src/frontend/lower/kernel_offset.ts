/**
 * `kernelOffset("struct", "member.path")`: a compile-time u64 constant, the member's byte offset
 * in the kernel the probe is compiled for (see ../kernel_types.ts). With `currentTask()` and
 * `readKernel<T>()` it walks kernel structures whose layout changes with the kernel's version
 * and configuration, without hard-coded offsets.
 */
import { fail } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import { U64 } from "../dsl_types.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import type { Value } from "./values.ts";

export function kernelOffset(l: FunctionLowerer, args: Node[], node: Node): Value {
  const [struct, member] = args.map(stringLiteral);
  if (args.length !== 2 || struct === undefined || member === undefined) {
    fail("TSB2408", l.span(node), "kernelOffset() takes two string literals: a struct's name and a member's path",
      "write kernelOffset(\"task_struct\", \"files\") or kernelOffset(\"sock\", \"__sk_common.skc_dport\")");
  }
  if (!l.kernel) {
    fail("TSB2409", l.span(node), "kernelOffset() needs the kernel's types, and this compile was given none",
      "compile with tsbpf on a kernel with /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF), or pass " +
      "--btf <file> with a copy of it");
  }
  let offset: number;
  try {
    offset = l.kernel.memberOffset(struct, member);
  } catch (e) {
    fail("TSB2409", l.span(node), `kernelOffset("${struct}", "${member}"): ${(e as Error).message}`,
      "names are C's, from the kernel's BTF: 'bpftool btf dump file /sys/kernel/btf/vmlinux' lists them");
  }
  return { kind: "const", type: U64, value: BigInt(offset) };
}

function stringLiteral(node: Node | undefined): string | undefined {
  return node?.type === "Literal" && typeof node.value === "string" ? node.value : undefined;
}
