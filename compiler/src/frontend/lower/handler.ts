/**
 * Lowers one attach declaration's handler: binds its context parameter, lowers the body, and
 * returns 0 at the end (test probes return their value).
 */
import { imm } from "../../ir/ir.ts";
import type { IrFunction } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import type { MapLayouts } from "../map_layouts.ts";
import type { Attachment, ProbeModule } from "../probe_module.ts";
import type { TracepointFormat } from "../tracepoint_format.ts";
import type { KernelTypes } from "../kernel_types.ts";
import type { TypeResolver } from "../type_resolver.ts";
import { lowerExpression } from "./expressions.ts";
import { FunctionLowerer } from "./lowerer.ts";
import { lowerStatement } from "./statements.ts";

const CTX_KIND = { tracepoint: "tracepoint", rawTracepoint: "raw", uprobe: "probe",
  uretprobe: "probe", profile: "probe", test: "test" } as const;

export function lowerHandler(module: ProbeModule, types: TypeResolver, maps: MapLayouts,
  attachment: Attachment, format: TracepointFormat | undefined, name: string, kernel?: KernelTypes): IrFunction {
  let handler = attachment.handler;
  const l = new FunctionLowerer(module, types, maps, attachment, format, name, kernel);
  if (handler.type === "Identifier") {
    const fn = module.functions.get(handler.name);
    if (!fn) fail("TSB1008", l.span(handler), `'${handler.name}' is not a function declared in the probe`);
    handler = fn;
  }
  if (handler.type !== "ArrowFunctionExpression" && handler.type !== "FunctionExpression" &&
    handler.type !== "FunctionDeclaration") {
    fail("TSB1008", l.span(handler), "the handler must be a function",
      "pass an arrow function: tracepoint(\"group:name\", (ctx) => { … })");
  }
  if (handler.async || handler.generator) {
    fail("TSB1009", l.span(handler), `handlers cannot be ${handler.async ? "async" : "generators"}`,
      "a kernel handler runs to completion with nothing to wait for: remove the " +
      `'${handler.async ? "async" : "*"}'`);
  }
  l.at(handler);
  l.ctxReg = l.b.vreg();
  l.b.emit({ op: "arg", dst: l.ctxReg, index: 0 });
  const params = handler.params as Node[];
  if (params.length > 1) fail("TSB1010", l.span(params[1]!), "handlers take one parameter, the context");
  const ctxName = params[0] ? identifierName(params[0]) : undefined;
  if (params[0] && !ctxName) fail("TSB1010", l.span(params[0]), "destructuring the context is not supported");
  if (ctxName) l.scope.locals.set(ctxName, { kind: "alias", value: { kind: "ctx", handler: CTX_KIND[attachment.kind] } });
  const body = handler.body as Node;
  if (body.type === "BlockStatement") {
    for (const statement of body.body as Node[]) lowerStatement(l, statement);
    l.at(body);
    l.b.span = { file: module.file, start: body.end - 1, end: body.end };
    l.b.terminate({ op: "ret", value: imm(0) });
  } else {
    const value = lowerExpression(l, body);
    if (attachment.kind === "test" && value.kind !== "void") {
      l.b.terminate({ op: "ret", value: { kind: "reg", reg: l.toScalar(value, body).reg } });
    } else {
      l.b.terminate({ op: "ret", value: imm(0) });
    }
  }
  return l.b.fn;
}
