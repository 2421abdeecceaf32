/**
 * Parses a tracepoint's format (the `format` file under tracefs/events/<group>/<name>) into a
 * context struct: each field's name, offset, size, signedness and DSL type. The compiler is
 * given the format text (read from tracefs by the caller, or a pinned copy), so compilation
 * itself never depends on the running kernel.
 */
import { type DslType, INT_TYPES, type IntBits } from "./dsl_types.ts";

export interface TracepointField {
  name: string;
  offset: number;
  size: number;
  signed: boolean;
  /** The C declaration, e.g. "const char * filename". */
  declaration: string;
  type: DslType;
  /** `__data_loc` fields hold (length << 16 | offset) of data inside the record. */
  dataLoc: boolean;
  pointer: boolean;
}

export interface TracepointFormat {
  name: string;
  id?: number;
  fields: TracepointField[];
}

const FIELD = /^\s*field:(.+?);\s*offset:(\d+);\s*size:(\d+);\s*signed:(\d+);/;

export function parseTracepointFormat(text: string): TracepointFormat {
  const name = /^name:\s*(\S+)/m.exec(text)?.[1] ?? "";
  const idText = /^ID:\s*(\d+)/m.exec(text)?.[1];
  const fields: TracepointField[] = [];
  for (const line of text.split("\n")) {
    const m = FIELD.exec(line);
    if (!m) continue;
    const declaration = m[1]!.trim();
    const offset = Number(m[2]);
    const size = Number(m[3]);
    const signed = m[4] === "1";
    const array = /^(.*?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*\[(\d*)\]$/.exec(declaration);
    const plain = /^(.*?)\s*\**\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(declaration);
    const fieldName = (array ?? plain)?.[2] ?? declaration;
    const dataLoc = declaration.startsWith("__data_loc");
    const pointer = !array && declaration.includes("*");
    let type: DslType;
    if (array && /\bchar\b/.test(array[1]!) && size > 0 && !dataLoc) {
      type = { kind: "str", capacity: size };
    } else if (array && !dataLoc && array[3]) {
      const count = Number(array[3]);
      const elementSize = size / Math.max(count, 1);
      type = { kind: "array", element: intOf(elementSize, signed), length: count };
    } else {
      type = intOf(dataLoc ? 4 : size, pointer ? false : signed);
    }
    fields.push({ name: fieldName, offset, size, signed, declaration, type, dataLoc, pointer });
  }
  return { name, id: idText ? Number(idText) : undefined, fields };
}

function intOf(size: number, signed: boolean): DslType {
  const bits = ([1, 2, 4, 8].includes(size) ? size * 8 : 64) as IntBits;
  return INT_TYPES[`${signed ? "i" : "u"}${bits}`]!;
}
