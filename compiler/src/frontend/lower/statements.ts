/**
 * Statements: declarations, expression statements, if/else (with null-check narrowing), switch,
 * bounded for loops with break/continue, return (from the handler or an inlined function), and
 * blocks. Loops must have a bound the compiler can see: `for (let i = 0; i < N; i++)` with N a
 * constant, so the verifier can prove termination.
 */
import { imm, reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { BOOL, type DslType, I32, isAggregate, sameType, typeName } from "../dsl_types.ts";
import { lowerCondition } from "./conditions.ts";
import { lowerExpression } from "./expressions.ts";
import { article, type FunctionLowerer, type ScalarType } from "./lowerer.ts";
import type { Value } from "./values.ts";

const MAX_LOOP_BOUND = 1n << 20n;

export function lowerStatement(l: FunctionLowerer, node: Node): void {
  l.at(node);
  switch (node.type) {
    case "VariableDeclaration": return declaration(l, node);
    case "ExpressionStatement": lowerExpression(l, node.expression); return;
    case "BlockStatement":
      l.pushScope();
      for (const s of node.body as Node[]) lowerStatement(l, s);
      l.popScope();
      return;
    case "IfStatement": return ifStatement(l, node);
    case "ReturnStatement": return returnStatement(l, node);
    case "ForStatement": return forStatement(l, node);
    case "BreakStatement":
    case "ContinueStatement": {
      if (node.label) fail("TSB2701", l.span(node), "labelled break/continue is not supported");
      const loop = l.loops.at(-1);
      if (!loop) fail("TSB2701", l.span(node), `'${node.type === "BreakStatement" ? "break" : "continue"}' outside a loop`);
      l.b.terminate({ op: "br", target: node.type === "BreakStatement" ? loop.breakLabel : loop.continueLabel });
      return;
    }
    case "SwitchStatement": return switchStatement(l, node);
    case "EmptyStatement": return;
    case "WhileStatement":
    case "DoWhileStatement":
      fail("TSB2702", l.span(node), `${node.type === "WhileStatement" ? "while" : "do…while"} ` +
        "loops have no bound the verifier can prove",
        "write for (let i = 0; i < N; i++) with a constant N, and break out early");
    case "ForInStatement":
    case "ForOfStatement":
      fail("TSB2702", l.span(node), "for…in and for…of cannot run in the kernel",
        "iterate with for (let i = 0; i < N; i++) over a fixed-size Arr");
    case "TryStatement":
    case "ThrowStatement":
      fail("TSB2703", l.span(node), "exceptions cannot run in the kernel",
        "return early instead; kernel handlers cannot fail");
    case "LabeledStatement":
      fail("TSB2701", l.span(node), "labelled statements are not supported in kernel code",
        "to leave nested loops, move them into a function declared in the probe and return");
    case "FunctionDeclaration":
      fail("TSB2704", l.span(node), "functions declared inside a handler are closures",
        "declare the function at the top level of the probe");
  }
  fail("TSB2202", l.span(node), `this statement (${node.type}) cannot run in the kernel`);
}

function declaration(l: FunctionLowerer, node: Node): void {
  const mutable = node.kind !== "const";
  for (const d of node.declarations as Node[]) {
    const name = identifierName(d.id);
    if (!name) fail("TSB2705", l.span(d.id), "destructuring is not supported in kernel code",
      "read the fields one by one");
    if (l.scope.locals.has(name)) {
      fail("TSB2707", l.span(d.id), `'${name}' is already declared in this block`,
        "give it another name, or assign to the existing one (declared with let)");
    }
    const annotated: DslType | undefined = d.id.typeAnnotation ? l.types.resolve(d.id.typeAnnotation) : undefined;
    if (!d.init) {
      if (!annotated) fail("TSB2706", l.span(d), `'${name}' needs a type or an initial value`);
      // Locals start zeroed: an integer at 0, a struct or array as a fresh zeroed slot.
      const zero: Value = isAggregate(annotated) ? { kind: "place", type: annotated, off: 0,
        addr: { kind: "slot", slot: l.tempSlot(annotated, `local '${name}'`) }, fresh: true }
        : { kind: "const", value: 0n };
      defineLocal(l, name, annotated, zero, d, true);
      continue;
    }
    const value = lowerExpression(l, d.init, annotated);
    defineLocal(l, name, annotated, value, d.init, mutable);
  }
}

function defineLocal(l: FunctionLowerer, name: string, annotated: DslType | undefined, value: Value,
  node: Node, mutable: boolean): void {
  if (l.scope.locals.has(name)) {
    fail("TSB2707", l.span(node), `'${name}' is already declared in this block`,
      "give it another name, or assign to the existing one (declared with let)");
  }
  // A lookup already checked (`const w: u64 = q` inside `if (q !== undefined)`) is a value:
  // the new local is initialised from it like from any place. Only an unchecked lookup stays
  // a nullable alias (found by the differential test: such locals were refused).
  if (value.kind === "maybe" && value.local && l.scope.isChecked(value.local)) {
    value = l.deref(value, node);
  }
  if (value.kind === "maybe") {
    if (mutable) fail("TSB2708", l.span(node), "keep map lookups in a const",
      "the compiler tracks null checks on consts");
    l.scope.locals.set(name, { kind: "maybe", type: value.type, ptr: value.ptr });
    return;
  }
  if (value.kind === "map" || value.kind === "ctx") {
    l.scope.locals.set(name, { kind: "alias", value });
    return;
  }
  if (value.kind === "void" || value.kind === "undefined") {
    let inner = node;
    while (inner.type === "ParenthesizedExpression") inner = inner.expression;
    if (inner.type === "UpdateExpression" || inner.type === "AssignmentExpression") {
      fail("TSB2709", l.span(node), "an assignment has no value in kernel code",
        "do the update as a statement of its own, then read the variable");
    }
    fail("TSB2709", l.span(node), `'${name}' would hold ${l.describe(value)}`);
  }
  const type = annotated ?? valueType(value);
  if (isAggregate(type)) {
    if (value.kind !== "place" || !sameType(value.type, type)) {
      fail("TSB2105", l.span(node), `expected ${article(typeName(type))} here, found ${l.describe(value)}`);
    }
    // A fresh temporary (a struct literal, a string read) becomes the local itself: copying
    // it would spend the 512-byte stack twice.
    const adopt = value.fresh && value.addr.kind === "slot" && value.off === 0;
    const slot = adopt && value.addr.kind === "slot" ? value.addr.slot
      : l.tempSlot(type, `local '${name}'`, false);
    // The stack-budget message names the local, not the temporary it came from.
    if (adopt) l.b.fn.slots[slot]!.name = `local '${name}'`;
    if (!adopt) l.storeValue(type, { kind: "slot", slot }, 0, value, node);
    l.scope.locals.set(name, { kind: "place", type, slot, mutable });
    return;
  }
  if (!mutable && value.kind === "const" && !annotated) {
    l.scope.locals.set(name, { kind: "const", value });
    return;
  }
  const s = l.toScalar(value, node, type as ScalarType);
  const r = l.b.vreg();
  const converted = type.kind === "int" && s.type.kind === "int" &&
    (s.type.bits !== type.bits || s.type.signed !== type.signed) ? l.convert(s, type) : s.reg;
  l.b.emit({ op: "mov", dst: r, src: reg(converted), width: 64 });
  l.scope.locals.set(name, { kind: "reg", type: type as ScalarType, reg: r, mutable });
}

function valueType(value: Value): DslType {
  switch (value.kind) {
    case "scalar": case "place": return value.type;
    case "const": return value.type ?? I32;
    default: return BOOL;
  }
}

function ifStatement(l: FunctionLowerer, node: Node): void {
  const then = l.b.label("if.then");
  const otherwise = l.b.label("if.else");
  const end = l.b.label("if.end");
  const narrowing = lowerCondition(l, node.test, then, node.alternate ? otherwise : end);
  l.b.startBlock(then);
  l.pushScope();
  narrowing.whenTrue.forEach((n) => l.scope.checked.add(n));
  lowerStatement(l, node.consequent);
  l.popScope();
  const thenFallsThrough = l.b.open;
  l.b.terminate({ op: "br", target: end });
  let elseFallsThrough = true;
  if (node.alternate) {
    l.b.startBlock(otherwise);
    l.pushScope();
    narrowing.whenFalse.forEach((n) => l.scope.checked.add(n));
    lowerStatement(l, node.alternate);
    l.popScope();
    elseFallsThrough = l.b.open;
  }
  l.b.startBlock(end);
  // `if (x === undefined) return;` — after it, x is known to be defined.
  if (!thenFallsThrough) narrowing.whenFalse.forEach((n) => l.scope.checked.add(n));
  if (node.alternate && !elseFallsThrough) narrowing.whenTrue.forEach((n) => l.scope.checked.add(n));
}

function returnStatement(l: FunctionLowerer, node: Node): void {
  const frame = l.inlining.at(-1);
  if (frame) {
    if (node.argument && frame.result !== undefined) {
      const s = l.toScalar(lowerExpression(l, node.argument, frame.resultType), node.argument,
        frame.resultType as ScalarType);
      // The declared result type wins: a wider value returned from a narrower function wraps.
      const type = frame.resultType;
      const r = type?.kind === "int" && s.type.kind === "int" &&
          (s.type.bits !== type.bits || s.type.signed !== type.signed) ? l.convert(s, type) : s.reg;
      l.b.emit({ op: "mov", dst: frame.result, src: reg(r), width: 64 });
    } else if (node.argument) {
      fail("TSB2710", l.span(node.argument), `'${frame.name}' is declared to return nothing`);
    }
    l.b.terminate({ op: "br", target: frame.returnLabel });
    return;
  }
  if (node.argument) {
    if (l.attachment.kind !== "test") {
      const v = lowerExpression(l, node.argument);
      if (v.kind !== "void" && v.kind !== "undefined") {
        fail("TSB2711", l.span(node.argument), "handlers return nothing",
          "only test() probes return a value");
      }
    } else {
      const s = l.toScalar(lowerExpression(l, node.argument), node.argument);
      l.b.terminate({ op: "ret", value: reg(s.reg) });
      return;
    }
  }
  l.b.terminate({ op: "ret", value: imm(0) });
}

function forStatement(l: FunctionLowerer, node: Node): void {
  l.pushScope();
  if (node.init) {
    if (node.init.type === "VariableDeclaration") declaration(l, node.init);
    else lowerExpression(l, node.init);
  }
  checkBound(l, node);
  const test = l.b.label("for.test");
  const body = l.b.label("for.body");
  const step = l.b.label("for.step");
  const end = l.b.label("for.end");
  l.b.startBlock(test);
  lowerCondition(l, node.test, body, end);
  l.b.startBlock(body);
  l.loops.push({ breakLabel: end, continueLabel: step });
  l.pushScope();
  lowerStatement(l, node.body);
  l.popScope();
  l.loops.pop();
  l.b.startBlock(step);
  if (node.update) lowerExpression(l, node.update);
  l.b.terminate({ op: "br", target: test });
  l.b.startBlock(end);
  l.popScope();
}

/** `i < N` / `i <= N` / `i !== N` with N constant and `i++` / `i += c` (c > 0; 1 for !==). */
function checkBound(l: FunctionLowerer, node: Node): void {
  const test = node.test as Node | null;
  const hint = "write for (let i = 0; i < N; i++) with a constant N (up to 2^20), and break early";
  if (!test || test.type !== "BinaryExpression" || !["<", "<=", "!=", "!=="].includes(test.operator)) {
    fail("TSB2712", l.span(test ?? node), "this loop has no bound the compiler can prove", hint);
  }
  const counter = identifierName(test.left);
  const bound = lowerExpression(l, test.right);
  if (!counter || bound.kind !== "const") {
    fail("TSB2712", l.span(test), "the loop bound must be a constant", hint);
  }
  if (bound.value > MAX_LOOP_BOUND) {
    fail("TSB2713", l.span(test.right), `the loop bound ${bound.value} is too large for the verifier`,
      "bound it by 1048576 or less; large iterations belong in a map-driven design");
  }
  const update = node.update as Node | null;
  const increments = update && ((update.type === "UpdateExpression" && update.operator === "++" &&
    identifierName(update.argument) === counter) || (update.type === "AssignmentExpression" &&
    update.operator === "+=" && identifierName(update.left) === counter && update.right.type === "Literal" &&
    typeof update.right.value === "number" && update.right.value > 0));
  if (!increments) {
    fail("TSB2712", l.span(update ?? node), `the loop must step '${counter}' upwards (${counter}++)`, hint);
  }
  // With `!==` a step larger than one can jump over the bound and never stop.
  if (test.operator.startsWith("!=") && update.type === "AssignmentExpression" && update.right.value !== 1) {
    fail("TSB2712", l.span(update), `a loop tested with '${test.operator}' must step by 1`,
      `write ${counter} < ${test.right.raw ?? "N"}: a larger step can skip the bound`);
  }
}

function switchStatement(l: FunctionLowerer, node: Node): void {
  const discriminant = lowerExpression(l, node.discriminant);
  const s = l.toScalar(discriminant, node.discriminant);
  const end = l.b.label("switch.end");
  const cases = node.cases as Node[];
  const bodies = cases.map(() => l.b.label("switch.case"));
  let defaultIndex = -1;
  cases.forEach((c, i) => {
    if (!c.test) {
      defaultIndex = i;
      return;
    }
    const value = lowerExpression(l, c.test, s.type);
    if (value.kind !== "const") fail("TSB2714", l.span(c.test), "case labels must be constants");
    const next = l.b.label("switch.test");
    l.b.terminate({ op: "cbr", cmp: "eq", a: s.reg, b: imm(value.value), width: 64, then: bodies[i]!, else: next });
    l.b.startBlock(next);
  });
  l.b.terminate({ op: "br", target: defaultIndex >= 0 ? bodies[defaultIndex]! : end });
  l.loops.push({ breakLabel: end, continueLabel: l.loops.at(-1)?.continueLabel ?? end });
  cases.forEach((c, i) => {
    l.b.startBlock(bodies[i]!);
    l.pushScope();
    for (const st of c.consequent as Node[]) lowerStatement(l, st);
    l.popScope();
    // Fall through to the next case, as in JavaScript.
    l.b.terminate({ op: "br", target: bodies[i + 1] ?? end });
  });
  l.loops.pop();
  l.b.startBlock(end);
}
