/**
 * Values the compiler must know at compile time outside handlers: map and attach options
 * (`{ bytes: 1 << 20 }`, `{ hz: 99 }`) and top-level integer constants (`const SIZE = 4 * 1024`).
 * Integer arithmetic on literals and on earlier top-level constants folds; anything else is not
 * constant, and an option that is not gets a diagnostic rather than being dropped.
 */
import { type Diagnostic, error, type Span } from "../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "./ast.ts";

export type ConstantValue = number | string | boolean;

/** Binary operators folded on integers (as the kernel-side code would compute them, in 64 bits). */
const INTEGER_OPERATORS: Record<string, (a: bigint, b: bigint) => bigint | undefined> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => b === 0n ? undefined : a / b,
  "%": (a, b) => b === 0n ? undefined : a % b,
  "**": (a, b) => b < 0n ? undefined : a ** b,
  "<<": (a, b) => a << b,
  ">>": (a, b) => a >> b,
  "|": (a, b) => a | b,
  "&": (a, b) => a & b,
  "^": (a, b) => a ^ b,
};

/**
 * The integer `node` evaluates to, or undefined when it is not an integer constant. `constants`
 * holds the module's top-level integer constants declared so far.
 */
export function integerConstant(node: Node, constants: ReadonlyMap<string, bigint>): bigint | undefined {
  switch (node.type) {
    case "Literal":
      return isIntegerLiteral(node) ? integerValue(node) : undefined;
    case "ParenthesizedExpression":
      return integerConstant(node.expression, constants);
    case "Identifier":
      return constants.get(node.name as string);
    case "UnaryExpression": {
      const value = integerConstant(node.argument, constants);
      if (value === undefined) return undefined;
      if (node.operator === "-") return -value;
      if (node.operator === "+") return value;
      if (node.operator === "~") return ~value;
      return undefined;
    }
    case "BinaryExpression": {
      const fold = INTEGER_OPERATORS[node.operator as string];
      const a = fold && integerConstant(node.left, constants);
      const b = fold && integerConstant(node.right, constants);
      return a === undefined || b === undefined ? undefined : fold!(a, b);
    }
    default:
      return undefined;
  }
}

/** A constant option value: a string or boolean literal, or an integer constant (as a number). */
export function constantValue(node: Node, constants: ReadonlyMap<string, bigint>): ConstantValue | undefined {
  if (node.type === "Literal" && (typeof node.value === "string" || typeof node.value === "boolean")) {
    return node.value;
  }
  if (node.type === "TemplateLiteral" && (node.expressions as Node[]).length === 0) {
    return (node.quasis as Node[]).map((q) => q.value.cooked as string).join("");
  }
  if (node.type === "ParenthesizedExpression") return constantValue(node.expression, constants);
  const integer = integerConstant(node, constants);
  if (integer === undefined) return undefined;
  // Options are sizes, counts and rates: a value past 2^53 is a mistake the consumer reports.
  return Number(integer);
}

/**
 * An options object literal's properties, each a constant. A property whose value is not one is
 * reported (TSB1011) and left out, so the consumer's own check ("needs { bytes: N }") never
 * silently falls back to a default.
 */
export function constantOptions(node: Node | undefined, constants: ReadonlyMap<string, bigint>,
  diagnostics: Diagnostic[], span: (n: Node) => Span): Record<string, ConstantValue> {
  const out: Record<string, ConstantValue> = {};
  if (node?.type !== "ObjectExpression") return out;
  for (const p of node.properties as Node[]) {
    const key = identifierName(p.key) ?? (typeof p.key?.value === "string" ? p.key.value : undefined);
    if (!key || p.type !== "Property") continue;
    const value = constantValue(p.value, constants);
    if (value === undefined) {
      diagnostics.push(error("TSB1011", span(p.value), `option '${key}' must be a constant the ` +
        "compiler can evaluate", "use a literal, integer arithmetic on literals (1 << 20, 4 * 1024), " +
        "or a top-level const holding one"));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Whether `node` is an integer literal (a bigint or integral number literal), maybe negated. */
export function isIntegerLiteral(node: Node): boolean {
  if (node.type === "Literal") {
    return typeof node.bigint === "string" || (typeof node.value === "number" &&
      Number.isInteger(node.value));
  }
  return node.type === "UnaryExpression" && node.operator === "-" && isIntegerLiteral(node.argument);
}

/** The exact value of an integer literal (bigint literals and number literals alike). */
export function integerValue(node: Node): bigint {
  if (node.type === "UnaryExpression") return -integerValue(node.argument);
  if (typeof node.bigint === "string") return BigInt(node.bigint);
  const raw = (node.raw as string | undefined)?.replace(/_/g, "");
  // Literals above 2^53 lose precision as a JS number: read the digits instead.
  if (raw && /^(0[xob])?[0-9a-f]+$/i.test(raw)) return BigInt(raw);
  return BigInt(node.value as number);
}
