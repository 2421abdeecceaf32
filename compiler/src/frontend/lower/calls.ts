/**
 * Calls in kernel code: helpers from @ts-bpf/probes, integer conversions, map and aggregation
 * methods, the context's arg()/ret(), and the probe's own functions (inlined; recursion is an
 * error, since eBPF has no unbounded call stack).
 */
import { Helper } from "@ts-bpf/loader";
import { imm, reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { type DslType, INT_TYPES, sizeOf, U32, U64 } from "../dsl_types.ts";
import { btfPointerRead } from "./btf_reads.ts";
import { contextCall } from "./context_access.ts";
import { lowerExpression } from "./expressions.ts";
import { wrapConstant } from "./integers.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { mapMethod } from "./map_calls.ts";
import { inlineFunction } from "./inline.ts";
import { javascriptGlobalHint } from "./js_globals.ts";
import { kernelOffset } from "./kernel_offset.ts";
import { stringHelper } from "./strings.ts";
import type { Value } from "./values.ts";

export function lowerCall(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  const callee = node.callee as Node;
  const args = node.arguments as Node[];
  if (callee.type === "MemberExpression" && !callee.computed) {
    const method = identifierName(callee.property)!;
    const owner = identifierName(callee.object);
    const shadowed = owner !== undefined && (l.scope.lookup(owner) !== undefined ||
      l.module.maps.has(owner) || l.module.imports.has(owner) || l.module.functions.has(owner));
    const library = owner && !shadowed ? javascriptGlobalHint(owner) : undefined;
    if (library) {
      fail("TSB2204", l.span(callee), `'${owner}.${method}()' is JavaScript's library: it does ` +
        "not run in the kernel", library);
    }
    const object = lowerExpression(l, callee.object);
    if (object.kind === "map") return mapMethod(l, object.decl, method, args, node);
    if (object.kind === "ctx") return contextCall(l, method, args, node);
    fail("TSB2202", l.span(callee), `'.${method}()' cannot run in the kernel`,
      "kernel values have no methods; only maps and the context do");
  }
  const name = identifierName(callee);
  if (!name) fail("TSB2202", l.span(callee), "this call cannot run in the kernel");
  if (l.scope.lookup(name)) fail("TSB2203", l.span(callee), `'${name}' is not a function`);
  const dsl = l.module.imports.get(name);
  if (dsl && INT_TYPES[dsl]) return conversion(l, INT_TYPES[dsl]!, args, node);
  if (dsl) return helperCall(l, dsl, args, node, expected);
  const fn = l.module.functions.get(name);
  if (fn) return inlineFunction(l, name, fn, args, node);
  const library = javascriptGlobalHint(name);
  if (library) {
    fail("TSB2204", l.span(callee), `'${name}()' is JavaScript's library: it does not run in ` +
      "the kernel", library);
  }
  fail("TSB2204", l.span(callee), `'${name}' is not available in kernel code`,
    "only functions declared in the probe and helpers from @ts-bpf/probes can be called");
}

function conversion(l: FunctionLowerer, type: Extract<DslType, { kind: "int" }>, args: Node[],
  node: Node): Value {
  if (args.length !== 1) fail("TSB2402", l.span(node), `${type.name}() takes one value`);
  const value = lowerExpression(l, args[0]!, type);
  if (value.kind === "const") return { kind: "const", type, value: wrapConstant(value.value, type) };
  return { kind: "scalar", type, reg: l.convert(l.toScalar(value, args[0]!), type) };
}

function call(l: FunctionLowerer, helper: number, args: ReturnType<typeof imm>[]): number {
  const dst = l.b.vreg();
  l.b.emit({ op: "call", helper, args, dst });
  return dst;
}

function helperCall(l: FunctionLowerer, name: string, args: Node[], node: Node,
  expected?: DslType): Value {
  const scalar = (r: number, type: Extract<DslType, { kind: "int" }>): Value => ({ kind: "scalar", type, reg: r });
  const shifted = (helper: number, high: boolean) => {
    const r = call(l, helper, []);
    const out = l.b.vreg();
    if (high) l.b.emit({ op: "alu", alu: "rsh", dst: out, a: r, b: imm(32), width: 64 });
    else l.b.emit({ op: "mov", dst: out, src: reg(r), width: 32 });
    return scalar(out, U32);
  };
  switch (name) {
    case "ktimeNs": return scalar(call(l, Helper.ktime_get_ns, []), U64);
    case "bootNs": return scalar(call(l, Helper.ktime_get_boot_ns, []), U64);
    case "taiNs": return scalar(call(l, Helper.ktime_get_tai_ns, []), U64);
    case "cgroupId": return scalar(call(l, Helper.get_current_cgroup_id, []), U64);
    case "pid": return shifted(Helper.get_current_pid_tgid, true);
    case "tid": return shifted(Helper.get_current_pid_tgid, false);
    case "uid": return shifted(Helper.get_current_uid_gid, false);
    case "gid": return shifted(Helper.get_current_uid_gid, true);
    case "cpu": return scalar(call(l, Helper.get_smp_processor_id, []), U32);
    case "random": return scalar(call(l, Helper.get_prandom_u32, []), U32);
    // The current task_struct's address: read through with readKernel() (tracing programs).
    case "currentTask": return scalar(call(l, Helper.get_current_task, []), U64);
    case "kernelOffset": return kernelOffset(l, args, node);
    // The value given at attach time (uprobes, perf events; 5.15+), e.g. which function fired.
    case "cookie": return scalar(call(l, Helper.get_attach_cookie, [reg(l.ctxReg)]), U64);
    case "comm":
    case "readUserStr":
    case "readKernelStr":
      return stringHelper(l, name, args, node);
    case "readUser":
    case "readKernel": {
      const typeArg = (node.typeArguments?.params?.[0]) as Node | undefined;
      const type = typeArg ? l.types.resolve(typeArg) : expected;
      if (!type || (type.kind !== "int" && type.kind !== "struct" && type.kind !== "array")) {
        fail("TSB2404", l.span(node), `${name}() needs the type to read: an integer, a struct or an array`,
          `write ${name}<u32>(address), ${name}<MyStruct>(address), or assign it to a typed variable`);
      }
      const direct = btfPointerRead(l, type, args[0]!, name);
      if (direct) return direct;
      const address = l.toScalar(lowerExpression(l, args[0]!, U64), args[0]!, U64);
      // One helper call fills the whole value: on a fault the kernel zeroes it, so a struct's
      // slot needs no zeroing of its own (an integer's zero store is dropped as dead anyway).
      const slot = l.tempSlot(type, `${name}()`, type.kind === "int");
      const p = l.b.vreg();
      l.b.emit({ op: "slot_addr", dst: p, slot, off: 0 });
      call(l, name === "readUser" ? Helper.probe_read_user : Helper.probe_read_kernel,
        [reg(p), imm(sizeOf(type)), reg(address.reg)]);
      // Fresh: a local initialised with it takes the slot over instead of copying it.
      return { kind: "place", type, addr: { kind: "slot", slot }, off: 0, fresh: true };
    }
    case "printk": return printk(l, args, node);
    case "kstack":
    case "ustack": {
      const map = args[0] ? lowerExpression(l, args[0]) : undefined;
      if (map?.kind !== "map" || map.decl.kind !== "StackTraceMap") {
        fail("TSB2405", l.span(args[0] ?? node), `${name}() needs a StackTraceMap`);
      }
      const m = l.b.vreg();
      l.b.emit({ op: "map", dst: m, map: l.maps.byVariable.get(map.decl.variable)!.name });
      const r = call(l, Helper.get_stackid, [reg(l.ctxReg), reg(m), imm(name === "ustack" ? 256 : 0)]);
      const out = l.b.vreg();
      l.b.emit({ op: "movsx", dst: out, src: r, bits: 32 });
      return scalar(out, INT_TYPES.i32!);
    }
  }
  fail("TSB2204", l.span(node.callee), `'${name}' from @ts-bpf/probes cannot be called in kernel code`,
    ["tracepoint", "uprobe", "uretprobe", "rawTracepoint", "profile", "interval", "test"].includes(name)
      ? "attach declarations belong at the top level of the probe" : undefined);
}

function printk(l: FunctionLowerer, args: Node[], node: Node): Value {
  const format = args[0];
  if (format?.type !== "Literal" || typeof format.value !== "string") {
    fail("TSB2407", l.span(format ?? node), "printk() needs a string literal format");
  }
  if (args.length > 4) fail("TSB2407", l.span(node), "printk() takes at most 3 values after the format");
  const bytes = new TextEncoder().encode(`${format.value}\n`);
  const type: DslType = { kind: "str", capacity: bytes.length + 1 };
  const slot = l.tempSlot(type, "printk format");
  bytes.forEach((b, i) => l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: i, size: 1, src: imm(b) }));
  const values = args.slice(1).map((a) => reg(l.toScalar(lowerExpression(l, a, U64), a, U64).reg));
  const p = l.b.vreg();
  l.b.emit({ op: "slot_addr", dst: p, slot, off: 0 });
  l.b.emit({ op: "call", helper: Helper.trace_printk, args: [reg(p), imm(bytes.length + 1), ...values] });
  return { kind: "void" };
}

