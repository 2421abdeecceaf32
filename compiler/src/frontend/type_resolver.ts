/**
 * Turns TypeScript type annotations into DSL types: u8…i64, bool, str<N>, Arr<T, N>, and
 * interfaces or type aliases declared in the probe module (laid out as C structs).
 */
import { fail, type Span } from "../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "./ast.ts";
import { BOOL, type DslType, INT_TYPES, makeStruct, VOID } from "./dsl_types.ts";
import type { ProbeModule } from "./probe_module.ts";

export class TypeResolver {
  #structs = new Map<string, DslType>();
  #resolving = new Set<string>();

  constructor(private readonly module: ProbeModule) {}

  private span(n: Node): Span {
    return { file: this.module.file, start: n.start, end: n.end };
  }

  /** The DSL type a type annotation node names. */
  resolve(node: Node): DslType {
    if (node.type === "TSTypeAnnotation") return this.resolve(node.typeAnnotation);
    switch (node.type) {
      case "TSBooleanKeyword": return BOOL;
      case "TSVoidKeyword": case "TSUndefinedKeyword": return VOID;
      case "TSNumberKeyword":
        fail("TSB2003", this.span(node), "'number' has no width in the kernel",
          "use an integer type from @ts-bpf/probes: u8, u16, u32, i32, …");
        break;
      case "TSBigIntKeyword":
        fail("TSB2003", this.span(node), "'bigint' has no width in the kernel", "use u64 or i64");
        break;
      case "TSTypeReference": return this.reference(node);
      case "TSTypeLiteral": return this.structOf("(anonymous)", node.members, node);
    }
    fail("TSB2004", this.span(node), "this type cannot be used in kernel code",
      "use integer types, bool, str<N>, Arr<T, N>, or an interface of those");
  }

  private reference(node: Node): DslType {
    const name = identifierName(node.typeName) ?? "";
    const args = (node.typeArguments?.params ?? []) as Node[];
    const dsl = this.module.imports.get(name);
    if (dsl && INT_TYPES[dsl]) return INT_TYPES[dsl]!;
    if (dsl === "bool") return BOOL;
    if (dsl === "Ptr") return INT_TYPES.u64!;
    if (dsl === "str") return { kind: "str", capacity: this.sizeArgument(args[0], node, "str") };
    if (dsl === "Arr") {
      if (!args[0]) fail("TSB2005", this.span(node), "Arr needs an element type and a length");
      return { kind: "array", element: this.resolve(args[0]),
        length: this.sizeArgument(args[1], node, "Arr") };
    }
    const declaration = this.module.typeDeclarations.get(name);
    if (declaration) return this.declared(name, declaration);
    fail("TSB2006", this.span(node), `unknown type '${name}' in kernel code`,
      dsl ? `'${name}' from @ts-bpf/probes is not a value type` :
        "declare it as an interface in the probe, or import it from @ts-bpf/probes");
  }

  private sizeArgument(arg: Node | undefined, at: Node, what: string): number {
    const literal = arg?.type === "TSLiteralType" ? arg.literal as Node : undefined;
    const value = literal?.type === "Literal" ? literal.value : undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      fail("TSB2005", this.span(arg ?? at), `${what}<…> needs a positive integer literal size`);
    }
    return value;
  }

  private declared(name: string, node: Node): DslType {
    const known = this.#structs.get(name);
    if (known) return known;
    if (this.#resolving.has(name)) {
      fail("TSB2007", this.span(node), `struct '${name}' contains itself`,
        "kernel structs have a fixed size; use an id or a pointer (u64) instead");
    }
    this.#resolving.add(name);
    const type = node.type === "TSInterfaceDeclaration"
      ? this.structOf(name, node.body.body, node)
      : node.typeAnnotation.type === "TSTypeLiteral"
      ? this.structOf(name, node.typeAnnotation.members, node)
      : this.resolve(node.typeAnnotation);
    this.#resolving.delete(name);
    this.#structs.set(name, type);
    return type;
  }

  private structOf(name: string, members: Node[], at: Node): DslType {
    const fields = members.map((m) => {
      if (m.type !== "TSPropertySignature" || !m.typeAnnotation) {
        fail("TSB2008", this.span(m), "struct members must be properties with a type");
      }
      const fieldName = identifierName(m.key);
      if (!fieldName) fail("TSB2008", this.span(m.key), "struct member names must be identifiers");
      if (m.optional) {
        fail("TSB2008", this.span(m), `member '${fieldName}' is optional`,
          "kernel records have every field; remove the '?'");
      }
      return { name: fieldName, type: this.resolve(m.typeAnnotation) };
    });
    if (fields.length === 0) fail("TSB2008", this.span(at), `struct '${name}' has no fields`);
    return makeStruct(name, fields);
  }
}
