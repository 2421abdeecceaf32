/**
 * Checks our hand-written tables (helpers, program, map, attach and link types, pseudo source
 * registers) against the kernel uapi header installed on the machine. The header may be older
 * than our tables (Debian 12 ships 6.1): every entry it has must agree, entries it lacks are
 * ours to know.
 */
import { describe, expect } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { AttachType } from "./attach_type.ts";
import { Helper } from "./helpers.ts";
import { LinkType } from "./link_type.ts";
import { MapType } from "./map_type.ts";
import { Pseudo, PseudoCall } from "./opcodes.ts";
import { ProgType } from "./prog_type.ts";
import { testIf } from "../../../test/support/gates.ts";

const HEADER = "/usr/include/linux/bpf.h";

const withHeader = testIf(existsSync(HEADER),
  `needs ${HEADER} (install the Debian package linux-libc-dev)`);

function header(): string {
  if (!existsSync(HEADER)) {
    throw new Error(`needs ${HEADER} (install the Debian package linux-libc-dev)`);
  }
  return readFileSync(HEADER, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
}

/** The members of `enum name { … }` with their values, following `A = B` aliases. */
function enumMembers(text: string, name: string): Map<string, number> {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(text)?.[1];
  if (body === undefined) throw new Error(`enum ${name} not found in ${HEADER}`);
  const members = new Map<string, number>();
  let next = 0;
  for (const entry of body.split(",").map((e) => e.trim()).filter((e) => e !== "")) {
    const [key, value] = entry.split("=").map((s) => s.trim()) as [string, string | undefined];
    next = value === undefined ? next : /^\d+$/.test(value) ? Number(value) : members.get(value)!;
    if (!key.startsWith("__") && !key.startsWith("MAX_")) members.set(key, next);
    next++;
  }
  return members;
}

/** Helper name → id, from `___BPF_FUNC_MAPPER` (6.2+, explicit ids) or `__BPF_FUNC_MAPPER`. */
function helperIds(text: string): Map<string, number> {
  const start = text.indexOf("FN(unspec");
  const body = text.slice(start, text.indexOf("\n\n", start));
  const ids = new Map<string, number>();
  for (const match of body.matchAll(/FN\((\w+)(?:,\s*(\d+))?/g)) {
    ids.set(match[1]!, match[2] === undefined ? ids.size : Number(match[2]));
  }
  return ids;
}

function expectAgreement(
  ours: Readonly<Record<string, number>>,
  theirs: Map<string, number>,
  prefix: string,
) {
  const mismatches: string[] = [];
  for (const [name, value] of theirs) {
    const key = name.slice(prefix.length);
    if (ours[key] !== value) mismatches.push(`${name} = ${value}, ours ${ours[key]}`);
  }
  expect(mismatches).toEqual([]);
  expect(theirs.size).toBeGreaterThan(5);
}

describe("tables agree with the installed linux/bpf.h", () => {
  withHeader("helper ids", () => {
    const ids = helperIds(header());
    expect(ids.get("map_lookup_elem")).toBe(1);
    expectAgreement(Helper, ids, "");
  });

  withHeader("program types", () => {
    expectAgreement(ProgType, enumMembers(header(), "bpf_prog_type"), "BPF_PROG_TYPE_");
  });

  withHeader("map types, including the deprecated cgroup storage aliases", () => {
    const members = enumMembers(header(), "bpf_map_type");
    members.delete("BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED");
    members.delete("BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE_DEPRECATED");
    expectAgreement(MapType, members, "BPF_MAP_TYPE_");
  });

  withHeader("attach types", () => {
    expectAgreement(AttachType, enumMembers(header(), "bpf_attach_type"), "BPF_");
  });

  withHeader("link types", () => {
    expectAgreement(LinkType, enumMembers(header(), "bpf_link_type"), "BPF_LINK_TYPE_");
  });

  withHeader("pseudo source registers", () => {
    const text = header();
    const define = (name: string) =>
      Number(new RegExp(`#define ${name}\\s+(\\d+)`).exec(text)?.[1]);
    expect(define("BPF_PSEUDO_MAP_FD")).toBe(Pseudo.MAP_FD);
    expect(define("BPF_PSEUDO_MAP_VALUE")).toBe(Pseudo.MAP_VALUE);
    expect(define("BPF_PSEUDO_BTF_ID")).toBe(Pseudo.BTF_ID);
    expect(define("BPF_PSEUDO_FUNC")).toBe(Pseudo.FUNC);
    expect(define("BPF_PSEUDO_MAP_IDX")).toBe(Pseudo.MAP_IDX);
    expect(define("BPF_PSEUDO_MAP_IDX_VALUE")).toBe(Pseudo.MAP_IDX_VALUE);
    expect(define("BPF_PSEUDO_CALL")).toBe(PseudoCall.CALL);
    expect(define("BPF_PSEUDO_KFUNC_CALL")).toBe(PseudoCall.KFUNC_CALL);
  });
});
