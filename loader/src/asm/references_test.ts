import { describe, expect, test } from "bun:test";
import { assemble, label } from "./assemble.ts";
import {
  call,
  callKfunc,
  callLocal,
  exit,
  ldFunc,
  ldMapFd,
  ldMapRef,
  ldMapValue,
  mov64,
} from "./assembler.ts";
import { disassemble } from "./disassemble.ts";
import { Helper } from "./helpers.ts";
import { R0, R1, R2 } from "./opcodes.ts";
import { references, resolveReferences } from "./references.ts";

const program = [
  ldMapRef(R1, "counts"), // slots 0–1
  call(Helper.map_lookup_elem), // 2
  ldMapRef(R2, ".rodata", 12), // 3–4
  callLocal("helper"), // 5
  callKfunc("bpf_rcu_read_lock"), // 6
  ldFunc(R2, "cb"), // 7–8
  exit(), // 9
];

describe("references()", () => {
  test("lists each symbolic reference with its kind, instruction index and slot", () => {
    expect(references(program)).toEqual([
      { kind: "map", name: "counts", index: 0, slot: 0 },
      { kind: "map", name: ".rodata", index: 2, slot: 3 },
      { kind: "call", name: "helper", index: 3, slot: 5 },
      { kind: "kfunc", name: "bpf_rcu_read_lock", index: 4, slot: 6 },
      { kind: "func", name: "cb", index: 5, slot: 7 },
    ]);
  });

  test("finds none in a program without names", () => {
    expect(references([mov64.imm(R0, 0), exit()])).toEqual([]);
  });
});

describe("resolveReferences()", () => {
  test("patches map fds, keeping a value offset in the high half", () => {
    const resolved = resolveReferences(program, { maps: { counts: 7, ".rodata": 8 } });
    expect(resolved[0]).toEqual(ldMapFd(R1, 7));
    expect(resolved[2]).toEqual(ldMapValue(R2, 8, 12));
    expect(disassemble(resolved[2]!)).toBe("r2 = map[fd:8][0]+12");
  });

  test("leaves kinds without a table unresolved", () => {
    const resolved = resolveReferences(program, { maps: new Map([["counts", 3], [".rodata", 4]]) });
    expect(references(resolved).map((r) => r.kind)).toEqual(["call", "kfunc", "func"]);
  });

  test("patches calls and callback loads relative to the next slot", () => {
    const resolved = resolveReferences(program, { functions: { helper: 20, cb: 30 } });
    expect(resolved[3]).toEqual(callLocal(20 - 6));
    expect(resolved[5]).toEqual(ldFunc(R2, 30 - 8));
  });

  test("patches kfunc BTF ids, with the module's fd_array index in off", () => {
    expect(resolveReferences(program, { kfuncs: { bpf_rcu_read_lock: 4242 } })[4]).toEqual(
      callKfunc(4242),
    );
    const moduleCall =
      resolveReferences(program, { kfuncs: { bpf_rcu_read_lock: { id: 99, off: 2 } } })[4];
    expect(moduleCall).toEqual({ ...callKfunc(99), off: 2 });
  });

  test("resolves everything so that no reference remains", () => {
    const resolved = resolveReferences(program, {
      maps: { counts: 1, ".rodata": 2 },
      functions: { helper: 10, cb: 11 },
      kfuncs: { bpf_rcu_read_lock: 5 },
    });
    expect(references(resolved)).toEqual([]);
  });

  test("works with functions laid out by assemble()", () => {
    const linked = assemble([callLocal("main_helper"), exit(), label("main_helper"), exit()]);
    expect(references(linked)).toEqual([]);
  });

  test("throws when a given table lacks a referenced name", () => {
    expect(() => resolveReferences(program, { maps: { counts: 1 } })).toThrow(
      "Cannot resolve map '.rodata' of instruction 2: it is not defined",
    );
    expect(() => resolveReferences(program, { functions: {} })).toThrow(
      "Cannot resolve function 'helper'",
    );
  });

  test("does not change its input", () => {
    resolveReferences(program, { maps: { counts: 1, ".rodata": 2 } });
    expect(program[0]!.mapRef).toBe("counts");
  });
});
