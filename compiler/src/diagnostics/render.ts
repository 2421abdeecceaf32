/**
 * Renders diagnostics the way a person reads them: location, code and message, the source
 * line, a caret under the span, and the hint.
 *
 *   probe.ts:4:11 error TSB2001: floating-point numbers cannot run in the kernel
 *     4 |   const x = 1.5;
 *       |             ^^^
 *     hint: use an integer type such as u32 or u64
 */
import type { Diagnostic } from "./diagnostic.ts";
import { SourceText } from "./source_text.ts";

export function renderDiagnostic(diagnostic: Diagnostic, source: SourceText | string): string {
  const text = typeof source === "string" ? new SourceText(diagnostic.span.file, source) : source;
  const { line, column } = text.position(diagnostic.span.start);
  const end = text.position(Math.max(diagnostic.span.start, diagnostic.span.end - 1));
  const lineText = text.line(line);
  const width = end.line === line ? Math.max(1, end.column - column + 1) : Math.max(1,
    lineText.length - column + 1);
  const gutter = String(line).length;
  const pad = " ".repeat(gutter);
  const out = [
    `${diagnostic.span.file}:${line}:${column} ${diagnostic.severity} ${diagnostic.code}: ` +
    diagnostic.message,
    `  ${line} | ${lineText}`,
    `  ${pad} | ${" ".repeat(column - 1)}${"^".repeat(width)}`,
  ];
  if (diagnostic.hint) out.push(`  ${pad}   hint: ${diagnostic.hint}`);
  return out.join("\n");
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], source: string): string {
  const text = diagnostics[0] ? new SourceText(diagnostics[0].span.file, source) : undefined;
  return diagnostics.map((d) => renderDiagnostic(d, text!)).join("\n\n");
}
