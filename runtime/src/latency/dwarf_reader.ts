/**
 * A minimal DWARF reader (versions 2–5, 32-bit format, little-endian): walks `.debug_info` with
 * its `.debug_abbrev` and keeps, for every DIE whose tag the caller asks for, the few attributes
 * `tsbpf latency` needs to name functions (name, linkage name, inline, abstract origin,
 * specification, whether it has code) and its parent. Every other attribute is skipped by its
 * form. It does not read line tables, locations or types, nor split DWARF (.dwo) or
 * supplementary files. zlib-compressed sections (SHF_COMPRESSED) are inflated.
 */
import { inflateSync } from "node:zlib";
import type { ElfFile } from "@ts-bpf/loader";

/** A debugging information entry, reduced to what naming functions needs. */
export interface Die {
  readonly offset: number;
  readonly tag: number;
  readonly parent?: Die;
  name?: string;
  linkageName?: string;
  /** DW_AT_inline: 1 inlined, 3 declared and inlined. */
  inline?: number;
  /** Absolute .debug_info offsets of DW_AT_abstract_origin and DW_AT_specification. */
  origin?: number;
  specification?: number;
  /** Has DW_AT_low_pc or DW_AT_ranges: an out-of-line (or inlined) instance with code. */
  hasCode?: boolean;
}

export const DW_TAG = {
  class_type: 0x02, structure_type: 0x13, union_type: 0x17, inlined_subroutine: 0x1d,
  subprogram: 0x2e, namespace: 0x39, compile_unit: 0x11, partial_unit: 0x3c,
} as const;

const AT = { name: 0x03, low_pc: 0x11, inline: 0x20, abstract_origin: 0x31, specification: 0x47,
  ranges: 0x55, linkage_name: 0x6e, mips_linkage_name: 0x2007, str_offsets_base: 0x72 } as const;

const SHF_COMPRESSED = 0x800;

interface Abbrev { tag: number; children: boolean; attrs: [number, number, number][] }

/** A section's bytes, inflated when compressed; undefined when absent. */
function sectionBytes(elf: ElfFile, name: string): Uint8Array | undefined {
  const s = elf.section(name);
  if (!s || s.type === 8 /* SHT_NOBITS */) return undefined;
  const data = s.data();
  if (!(s.flags & SHF_COMPRESSED)) return data;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== 1) return undefined; // only ELFCOMPRESS_ZLIB
  return new Uint8Array(inflateSync(data.subarray(24)));
}

/** Whether `elf` has DWARF debugging information. */
export function hasDwarf(elf: ElfFile): boolean {
  return elf.section(".debug_info") !== undefined;
}

/** The DIEs of `elf` with a tag in `tags`, plus every ancestor they need for names. */
export function readDies(elf: ElfFile, tags: ReadonlySet<number>): Map<number, Die> {
  const info = sectionBytes(elf, ".debug_info");
  const abbrevBytes = sectionBytes(elf, ".debug_abbrev");
  const dies = new Map<number, Die>();
  if (!info || !abbrevBytes) return dies;
  const str = sectionBytes(elf, ".debug_str");
  const lineStr = sectionBytes(elf, ".debug_line_str");
  const strOffsets = sectionBytes(elf, ".debug_str_offsets");
  const iv = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const tables = new Map<number, Map<number, Abbrev>>();
  const cstr = (bytes: Uint8Array | undefined, at: number) => {
    if (!bytes || at >= bytes.length) return undefined;
    let end = at;
    while (end < bytes.length && bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(at, end));
  };
  let unit = 0;
  while (unit + 11 <= info.length) {
    const length = iv.getUint32(unit, true);
    if (length === 0xffffffff) break; // 64-bit DWARF: not produced by the toolchains we meet
    const end = unit + 4 + length;
    const version = iv.getUint16(unit + 4, true);
    let p = unit + 6;
    let abbrevOffset: number;
    let addressSize: number;
    if (version >= 5) {
      const type = info[p]!;
      addressSize = info[p + 1]!;
      abbrevOffset = iv.getUint32(p + 2, true);
      p += 6;
      if (type === 2 || type === 6) p += 12; // type units: signature + type offset
      else if (type === 4 || type === 5) p += 8; // skeleton / split: dwo id
    } else {
      abbrevOffset = iv.getUint32(p, true);
      addressSize = info[p + 4]!;
      p += 5;
    }
    let abbrevs = tables.get(abbrevOffset);
    if (!abbrevs) tables.set(abbrevOffset, abbrevs = readAbbrevs(abbrevBytes, abbrevOffset));
    let strBase = 8;
    const stack: (Die | undefined)[] = [];
    const uleb = () => {
      let result = 0, shift = 0, b: number;
      do {
        b = info[p++]!;
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return result;
    };
    const sleb = () => {
      let b: number;
      do b = info[p++]!; while (b & 0x80);
    };
    while (p < end) {
      const at = p;
      const code = uleb();
      if (code === 0) {
        stack.pop();
        continue;
      }
      const abbrev = abbrevs.get(code);
      if (!abbrev) break; // malformed: give up on this unit, keep what was read
      const keep = tags.has(abbrev.tag) || abbrev.children;
      const die: Die | undefined = keep ? { offset: at, tag: abbrev.tag, parent: stack[stack.length - 1] } : undefined;
      for (const [attr, form0, implicit] of abbrev.attrs) {
        let form = form0;
        if (form === 0x16) form = uleb(); // indirect
        // Read the value when it matters, else skip it.
        let value: number | string | undefined;
        switch (form) {
          case 0x01: value = addressSize === 8 ? Number(iv.getBigUint64(p, true)) : iv.getUint32(p, true); p += addressSize; break;
          case 0x03: p += 2 + iv.getUint16(p, true); break;
          case 0x04: p += 4 + iv.getUint32(p, true); break;
          case 0x05: value = iv.getUint16(p, true); p += 2; break;
          case 0x06: value = iv.getUint32(p, true); p += 4; break;
          case 0x07: p += 8; break;
          case 0x08: { value = cstr(info, p); while (info[p] !== 0) p++; p++; break; }
          case 0x09: case 0x18: { const n = uleb(); p += n; break; }
          case 0x0a: p += 1 + info[p]!; break;
          case 0x0b: value = info[p]!; p += 1; break;
          case 0x0c: value = info[p]!; p += 1; break;
          case 0x0d: sleb(); break;
          case 0x0e: value = cstr(str, iv.getUint32(p, true)); p += 4; break;
          case 0x0f: value = uleb(); break;
          case 0x10: value = iv.getUint32(p, true); p += version <= 2 ? addressSize : 4; break; // ref_addr: absolute
          case 0x11: value = unit + info[p]!; p += 1; break;
          case 0x12: value = unit + iv.getUint16(p, true); p += 2; break;
          case 0x13: value = unit + iv.getUint32(p, true); p += 4; break;
          case 0x14: value = unit + Number(iv.getBigUint64(p, true)); p += 8; break;
          case 0x15: value = unit + uleb(); break;
          case 0x17: case 0x1c: case 0x1d: case 0x1f20: case 0x1f21: value = iv.getUint32(p, true); p += 4; break;
          case 0x1f: value = cstr(lineStr, iv.getUint32(p, true)); p += 4; break;
          case 0x19: value = 1; break;
          case 0x1a: case 0x1f02: value = strx(uleb()); break;
          case 0x1b: case 0x22: case 0x23: case 0x1f01: uleb(); break;
          case 0x1e: p += 16; break;
          case 0x20: case 0x24: p += 8; break;
          case 0x21: value = implicit; break;
          case 0x25: value = strx(info[p]!); p += 1; break;
          case 0x26: value = strx(iv.getUint16(p, true)); p += 2; break;
          case 0x27: value = strx(info[p]! | (info[p + 1]! << 8) | (info[p + 2]! << 16)); p += 3; break;
          case 0x28: value = strx(iv.getUint32(p, true)); p += 4; break;
          case 0x29: p += 1; break;
          case 0x2a: p += 2; break;
          case 0x2b: p += 3; break;
          case 0x2c: p += 4; break;
          default: p = end; break; // an unknown form: the rest of the unit cannot be read
        }
        if (attr === AT.str_offsets_base && typeof value === "number") strBase = value;
        if (!die) continue;
        switch (attr) {
          case AT.name: if (typeof value === "string") die.name = value; break;
          case AT.linkage_name: case AT.mips_linkage_name: if (typeof value === "string") die.linkageName = value; break;
          case AT.inline: if (typeof value === "number") die.inline = value; break;
          case AT.abstract_origin: if (typeof value === "number") die.origin = value; break;
          case AT.specification: if (typeof value === "number") die.specification = value; break;
          case AT.low_pc: case AT.ranges: die.hasCode = true; break;
        }
      }
      if (die) dies.set(at, die);
      if (abbrev.children) stack.push(die);
    }
    unit = end;

    function strx(index: number): string | undefined {
      if (!strOffsets || !str) return undefined;
      const at = strBase + index * 4;
      if (at + 4 > strOffsets.length) return undefined;
      return cstr(str, new DataView(strOffsets.buffer, strOffsets.byteOffset).getUint32(at, true));
    }
  }
  return dies;
}

function readAbbrevs(bytes: Uint8Array, offset: number): Map<number, Abbrev> {
  let p = offset;
  const uleb = () => {
    let result = 0, shift = 0, b: number;
    do {
      b = bytes[p++]!;
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  const sleb = () => {
    let result = 0, shift = 0, b: number;
    do {
      b = bytes[p++]!;
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return b & 0x40 ? result - 2 ** shift : result;
  };
  const out = new Map<number, Abbrev>();
  while (p < bytes.length) {
    const code = uleb();
    if (code === 0) break;
    const tag = uleb();
    const children = bytes[p++] === 1;
    const attrs: [number, number, number][] = [];
    for (;;) {
      const attr = uleb();
      const form = uleb();
      if (attr === 0 && form === 0) break;
      attrs.push([attr, form, form === 0x21 ? sleb() : 0]);
    }
    out.set(code, { tag, children, attrs });
  }
  return out;
}
