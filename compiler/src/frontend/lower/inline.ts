/**
 * Calls to the probe's own functions, inlined at the call site: parameters become locals bound
 * to the arguments, `return` jumps to the end with the result. Recursion is refused (eBPF has
 * no unbounded stack), as is a function that is not a plain declaration.
 */
import { reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { type DslType, isAggregate, sameType, typeName, VOID } from "../dsl_types.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { lowerStatement } from "./statements.ts";
import type { Value } from "./values.ts";
import { Scope } from "./scope.ts";

const MAX_INLINE_DEPTH = 8;

export function inlineFunction(l: FunctionLowerer, name: string, fn: Node, args: Node[], call: Node): Value {
  if (l.inlining.some((f) => f.name === name)) {
    fail("TSB2601", l.span(call), `'${name}' calls itself (recursion)`,
      "eBPF has no unbounded call stack: rewrite it as a bounded loop");
  }
  if (l.inlining.length >= MAX_INLINE_DEPTH) {
    fail("TSB2602", l.span(call), `calls nest more than ${MAX_INLINE_DEPTH} deep`,
      "every call is inlined into the handler: flatten the chain of calls");
  }
  if (fn.async || fn.generator) fail("TSB2603", l.span(call), `'${name}' is async or a generator`);
  const params = fn.params as Node[];
  if (args.length !== params.length) {
    const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
    fail("TSB2604", l.span(call), `'${name}' takes ${plural(params.length)}, got ${args.length}`);
  }
  const resultType: DslType = fn.returnType ? l.types.resolve(fn.returnType) : VOID;
  if (isAggregate(resultType)) {
    fail("TSB2605", l.span(fn.returnType), "functions returning structs are not supported yet",
      "pass a struct to fill, or return integers");
  }
  // Evaluate arguments in the caller's scope, then bind them in the callee's.
  const bound: { name: string; type: DslType; value: Value; node: Node }[] = params.map((p, i) => {
    const pname = identifierName(p);
    if (!pname) fail("TSB2606", l.span(p), "kernel function parameters must be plain names",
      "destructuring and default values are not supported: take the value and read it inside");
    if (!p.typeAnnotation) {
      fail("TSB2606", l.span(p), `parameter '${pname}' of '${name}' needs a type`,
        `the compiler lays out values by their declared type: write (${pname}: u32) or another DSL type`);
    }
    const type = l.types.resolve(p.typeAnnotation);
    let value = lowerExpression(l, args[i]!, type);
    if (isAggregate(type)) {
      // A struct, string or array is passed by reference: the callee works on the caller's
      // memory. A map lookup must be checked here, in the caller's scope, where its null check
      // is visible; and the argument must be exactly the declared type.
      if (value.kind === "maybe") value = l.deref(value, args[i]!);
      if (value.kind !== "place" || !sameType(value.type, type)) {
        fail("TSB2607", l.span(args[i]!), `'${name}' takes ${typeName(type)} for '${pname}', ` +
          `not ${l.describe(value)}`);
      }
    }
    return { name: pname, type, value, node: args[i]! };
  });
  const returnLabel = l.b.label(`${name}.return`);
  const result = resultType.kind === "void" ? undefined : l.b.vreg();
  const saved = l.scope;
  // Only the callee's parameters and locals are visible inside it.
  const scope = new Scope();
  l.scope = scope;
  for (const p of bound) {
    if (p.type.kind === "int" || p.type.kind === "bool") {
      const s = l.toScalar(p.value, p.node, p.type);
      const r = l.b.vreg();
      l.b.emit({ op: "mov", dst: r, src: reg(p.type.kind === "int" && s.type.kind === "int" &&
        (s.type.bits !== p.type.bits || s.type.signed !== p.type.signed) ? l.convert(s, p.type) : s.reg), width: 64 });
      scope.locals.set(p.name, { kind: "reg", type: p.type, reg: r, mutable: true });
    } else {
      scope.locals.set(p.name, { kind: "alias", value: p.value });
    }
  }
  l.inlining.push({ name, returnLabel, result, resultType });
  const body = fn.body as Node;
  if (body.type === "BlockStatement") {
    for (const statement of body.body as Node[]) lowerStatement(l, statement);
  } else if (result !== undefined) {
    const s = l.toScalar(lowerExpression(l, body, resultType), body, resultType as never);
    const r = resultType.kind === "int" && s.type.kind === "int" &&
        (s.type.bits !== resultType.bits || s.type.signed !== resultType.signed)
      ? l.convert(s, resultType) : s.reg;
    l.b.emit({ op: "mov", dst: result, src: reg(r), width: 64 });
  } else {
    lowerExpression(l, body);
  }
  l.inlining.pop();
  l.scope = saved;
  l.b.startBlock(returnLabel);
  return result === undefined ? { kind: "void" }
    : { kind: "scalar", type: resultType as Extract<Value, { kind: "scalar" }>["type"], reg: result };
}
