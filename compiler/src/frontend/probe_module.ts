/**
 * Reads a probe module's top level: what it imports from @ts-bpf/probes, its struct types, the
 * maps and aggregations it declares, its plain functions, top-level integer constants, and its
 * attach declarations with their handlers. Kernel code is only what handlers reach; the rest of
 * the module is userspace code and is left alone.
 */
import { type Diagnostic, error, type Span } from "../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "./ast.ts";
import { constantOptions, integerConstant } from "./constant_values.ts";

export type MapKind =
  | "HashMap" | "LruHashMap" | "PerCpuHashMap" | "ArrayMap" | "PerCpuArrayMap" | "RingBuf"
  | "PerfEventArray" | "SpanStream" | "StackTraceMap" | "Count" | "Sum" | "Min" | "Max" | "Stats" | "Avg"
  | "Histogram" | "LinearHistogram";

export const MAP_KINDS: ReadonlySet<string> = new Set<MapKind>([
  "HashMap", "LruHashMap", "PerCpuHashMap", "ArrayMap", "PerCpuArrayMap", "RingBuf",
  "PerfEventArray", "SpanStream", "StackTraceMap", "Count", "Sum", "Min", "Max", "Stats", "Avg", "Histogram",
  "LinearHistogram",
]);

export type AttachKind = "tracepoint" | "rawTracepoint" | "uprobe" | "uretprobe" | "profile" |
  "test";

const ATTACH_KINDS: ReadonlySet<string> = new Set<AttachKind>([
  "tracepoint", "rawTracepoint", "uprobe", "uretprobe", "profile", "test",
]);

export interface MapDeclaration {
  /** The variable's name (and the kernel map's, unless options.name says otherwise). */
  variable: string;
  kind: MapKind;
  /** Type arguments as written (TS type nodes). */
  typeArguments: Node[];
  /** Options object literal properties whose values are constants. */
  options: Record<string, number | string | boolean>;
  span: Span;
}

export interface Attachment {
  kind: AttachKind;
  /** "syscalls:sys_enter_openat", "/bin/bash:readline", "99" (hz), test name … */
  target: string;
  /** For uprobes: the binary and symbol; options.pid. */
  binary?: string;
  symbol?: string;
  pid?: number;
  hz?: number;
  /** rawTracepoint(…, { btf: true }): a BTF-typed tracepoint (tp_btf). */
  btf?: boolean;
  handler: Node;
  span: Span;
  /** Where the target is written (the tracepoint's name), for diagnostics about it. */
  targetSpan?: Span;
}

export interface ProbeModule {
  file: string;
  text: string;
  /** Local name → name exported by @ts-bpf/probes. */
  imports: Map<string, string>;
  typeDeclarations: Map<string, Node>;
  maps: Map<string, MapDeclaration>;
  functions: Map<string, Node>;
  constants: Map<string, bigint>;
  /** Other top-level variables: userspace state the kernel cannot see (for diagnostics). */
  userspace: Set<string>;
  attachments: Attachment[];
  /**
   * Whether the module's top level does anything at run time besides declaring maps, types,
   * functions and attach points (prints, subscribes, timers, other imports). Without it, the
   * runtime need not bundle and run the module at all.
   */
  hasUserspaceCode: boolean;
}

export const PROBES_PACKAGE = "@ts-bpf/probes";

export function scanModule(file: string, text: string, program: Node,
  diagnostics: Diagnostic[]): ProbeModule {
  const module: ProbeModule = {
    file, text, imports: new Map(), typeDeclarations: new Map(), maps: new Map(),
    functions: new Map(), constants: new Map(), userspace: new Set(), attachments: [],
    hasUserspaceCode: false,
  };
  const span = (n: Node): Span => ({ file, start: n.start, end: n.end });
  const imported = (local: string | undefined) => local ? module.imports.get(local) : undefined;

  for (const statement of program.body as Node[]) {
    const node = statement.type === "ExportNamedDeclaration" && statement.declaration
      ? statement.declaration as Node : statement;
    switch (node.type) {
      case "ImportDeclaration":
        if (node.source.value !== PROBES_PACKAGE && node.importKind !== "type") {
          module.hasUserspaceCode = true;
        }
        if (node.source.value === PROBES_PACKAGE) {
          for (const s of node.specifiers as Node[]) {
            if (s.type === "ImportSpecifier") {
              module.imports.set(s.local.name, identifierName(s.imported) ?? s.imported.value);
            }
          }
        }
        break;
      case "TSInterfaceDeclaration":
      case "TSTypeAliasDeclaration":
        module.typeDeclarations.set(node.id.name, node);
        break;
      case "FunctionDeclaration":
        if (node.id) module.functions.set(node.id.name, node);
        break;
      case "VariableDeclaration":
        for (const d of node.declarations as Node[]) {
          const name = identifierName(d.id);
          const init = d.init as Node | null;
          if (name && !init) module.userspace.add(name);
          if (!name || !init) {
            module.hasUserspaceCode = true;
            continue;
          }
          const className = init.type === "NewExpression" ? imported(identifierName(init.callee))
            : undefined;
          if (className && MAP_KINDS.has(className)) {
            module.maps.set(name, {
              variable: name, kind: className as MapKind,
              typeArguments: (init.typeArguments?.params ?? []) as Node[],
              options: constantOptions(init.arguments?.[0], module.constants, diagnostics, span), span: span(d),
            });
          } else if (node.kind === "const" && integerConstant(init, module.constants) !== undefined) {
            module.constants.set(name, integerConstant(init, module.constants)!);
          } else if (node.kind === "const" && (init.type === "ArrowFunctionExpression" ||
            init.type === "FunctionExpression")) {
            module.functions.set(name, init);
          } else {
            module.userspace.add(name);
            module.hasUserspaceCode = true;
          }
        }
        break;
      case "ExpressionStatement": {
        const call = node.expression as Node;
        const kind = call.type === "CallExpression" ? imported(identifierName(call.callee)) : undefined;
        if (!kind || !ATTACH_KINDS.has(kind)) {
          module.hasUserspaceCode = true;
          break;
        }
        const attachment = readAttachment(kind as AttachKind, call, span, diagnostics, module.constants);
        if (attachment) module.attachments.push(attachment);
        break;
      }
      case "EmptyStatement":
      case "ExportAllDeclaration":
        break;
      default:
        if (!(statement.type === "ExportNamedDeclaration" && !statement.declaration)) {
          module.hasUserspaceCode = true;
        }
    }
  }
  return module;
}

function readAttachment(kind: AttachKind, call: Node, span: (n: Node) => Span,
  diagnostics: Diagnostic[], constants: ReadonlyMap<string, bigint>): Attachment | undefined {
  const args = call.arguments as Node[];
  const str = (n: Node | undefined) => n?.type === "Literal" && typeof n.value === "string"
    ? n.value as string : undefined;
  const needString = (n: Node | undefined, what: string) => {
    const value = str(n);
    if (value === undefined) {
      diagnostics.push(error("TSB1002", span(n ?? call), `${kind}() needs ${what} as a string ` +
        "literal", "the compiler must know the attach point when it compiles"));
    }
    return value;
  };
  const handlerAt = (i: number) => {
    const handler = args[i];
    if (!handler) {
      diagnostics.push(error("TSB1003", span(call), `${kind}() needs a handler function`));
    }
    return handler;
  };
  switch (kind) {
    case "tracepoint":
    case "rawTracepoint":
    case "test": {
      const target = needString(args[0], kind === "test" ? "a name" : "the tracepoint's name");
      const handler = handlerAt(1);
      const btf = kind === "rawTracepoint" ? constantOptions(args[2], constants, diagnostics, span).btf : undefined;
      if (btf !== undefined && typeof btf !== "boolean") {
        diagnostics.push(error("TSB1002", span(args[2]!), "rawTracepoint()'s btf option must be true or false"));
      }
      return target !== undefined && handler ? { kind, target, handler, span: span(call),
        targetSpan: span(args[0]!), ...(btf === true ? { btf: true } : {}) } : undefined;
    }
    case "uprobe":
    case "uretprobe": {
      const binary = needString(args[0], "the binary's path");
      const symbol = needString(args[1], "the function's name");
      const handler = handlerAt(2);
      const pid = constantOptions(args[3], constants, diagnostics, span).pid;
      return binary !== undefined && symbol !== undefined && handler ? {
        kind, target: `${binary}:${symbol}`, binary, symbol, handler, span: span(call),
        pid: typeof pid === "number" ? pid : undefined,
      } : undefined;
    }
    case "profile": {
      const hz = constantOptions(args[0], constants, diagnostics, span).hz;
      if (typeof hz !== "number") {
        diagnostics.push(error("TSB1002", span(args[0] ?? call), "profile() needs { hz: N } " +
          "with a constant N"));
        return undefined;
      }
      const handler = handlerAt(1);
      return handler ? { kind, target: `${hz}`, hz, handler, span: span(call) } : undefined;
    }
  }
}
