/**
 * The slice of the oxc (ESTree + TypeScript) AST the frontend reads. Nodes carry byte offsets
 * `start`/`end` into the source; everything else is read by node type.
 */

// deno-lint-ignore no-explicit-any
export type Node = { type: string; start: number; end: number; [field: string]: any };

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** The node's identifier name, or undefined. */
export function identifierName(node: Node | null | undefined): string | undefined {
  return node?.type === "Identifier" ? node.name as string : undefined;
}

/** The expression inside any parentheses: `((x))` is `x`. */
export function unparenthesized(node: Node): Node {
  return node.type === "ParenthesizedExpression" ? unparenthesized(node.expression) : node;
}
