import { afterAll, describe, expect, test } from "bun:test";
import * as elfModule from "./mod.ts";
import {
  definedFunctions,
  dynamicEntries,
  ElfError,
  lookupFunction,
  neededLibraries,
  neededVersions,
  parseElf,
  relocationsBySection,
  resolveUprobeTarget,
  soname,
  symbolFileOffset,
  symbolTable,
  writeElf,
} from "./mod.ts";
import { bytesOf, cPrograms, removeCPrograms } from "./testdata/c_programs.ts";

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs every reader over `bytes`; returns the first error that is not an ElfError. */
function unexpectedError(bytes: Uint8Array): unknown {
  try {
    const elf = parseElf(bytes, "fuzzed");
    for (const section of elf.sections) section.data();
    const steps: (() => unknown)[] = [
      () => symbolTable(elf, "symtab"),
      () => symbolTable(elf, "dynsym"),
      () => definedFunctions(elf),
      () => relocationsBySection(elf),
      () => dynamicEntries(elf),
      () => neededLibraries(elf),
      () => soname(elf),
      () => neededVersions(elf),
      () => lookupFunction(elf, "printf"),
      () => resolveUprobeTarget(elf, "main+0x4"),
      () => resolveUprobeTarget(elf, "mian"),
      () => resolveUprobeTarget(elf, 0x1139),
      () => symbolFileOffset(elf, "counts"),
    ];
    for (const step of steps) {
      try {
        step();
      } catch (error) {
        if (!(error instanceof ElfError)) return error;
      }
    }
  } catch (error) {
    if (!(error instanceof ElfError)) return error;
  }
  return undefined;
}

describe("mod.ts", () => {
  test("exports the public API", () => {
    for (
      const name of [
        "parseElf",
        "ElfFile",
        "ElfError",
        "symbolTable",
        "definedFunctions",
        "findSymbols",
        "readRelocations",
        "relocationsBySection",
        "bpfRelocationTypeName",
        "dynamicEntries",
        "neededLibraries",
        "soname",
        "importedVersion",
        "lookupSymbol",
        "lookupFunction",
        "symbolFileOffset",
        "resolveUprobeTarget",
        "fileOffsetOfAddress",
        "writeElf",
        "EM_BPF",
        "R_BPF_64_64",
      ]
    ) {
      expect([name, (elfModule as Record<string, unknown>)[name]]).not.toEqual([name, undefined]);
    }
  });

  test("truncated and corrupted files raise only ElfError, never a RangeError or TypeError", () => {
    const p = cPrograms();
    const bases = [
      bytesOf(p.pie),
      bytesOf(p.shared),
      bytesOf(p.object),
      writeElf({
        sections: [{ name: ".text", type: 1, flags: 6, data: new Uint8Array(32) }],
        symbols: [{ name: "counts", section: ".text", type: "FUNC", size: 32 }],
        relocations: { ".text": [{ offset: 0, type: 1, symbol: "counts" }] },
      }),
    ];
    const next = random(1234);
    let runs = 0;
    for (const base of bases) {
      const view = new DataView(base.buffer, base.byteOffset, base.byteLength);
      const shoff = Number(view.getBigUint64(40, true));
      for (let i = 0; i < 150; i++) {
        const cut = base.slice(0, Math.floor(next() * base.length));
        const corrupt = base.slice();
        const flips = 1 + Math.floor(next() * 8);
        for (let f = 0; f < flips; f++) {
          // Aim most flips at the headers, where a wrong byte changes the most.
          const r = next();
          const at = r < 0.3
            ? Math.floor(next() * 64)
            : r < 0.8
            ? shoff + Math.floor(next() * Math.max(1, base.length - shoff))
            : Math.floor(next() * base.length);
          corrupt[Math.min(at, base.length - 1)] = Math.floor(next() * 256);
        }
        for (const bytes of [cut, corrupt]) {
          const error = unexpectedError(bytes);
          runs++;
          if (error !== undefined) {
            throw new Error(`base ${bases.indexOf(base)}, iteration ${i}: ${String(error)}`);
          }
        }
      }
    }
    expect(runs).toBe(bases.length * 300);
  });
});

afterAll(removeCPrograms);
