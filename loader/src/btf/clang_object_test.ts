/**
 * Reads what clang writes: compiles a small libbpf-style C program with `clang -target bpf -g`
 * and checks that its .BTF, .BTF.ext and .maps decode as libbpf would read them.
 */
import { describe, expect } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withTool } from "../../../test/support/gates.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { decodeBtfExt, encodeBtfExt } from "./btf_ext.ts";
import { parseBtf } from "./btf_parser.ts";
import { decodeMapDefinitions } from "./map_def.ts";
import { progLoadLineInfo } from "./prog_load_info.ts";

const clangTest = withTool("clang");

// The libbpf macros, spelled out so the test needs no kernel or libbpf headers.
const SOURCE = `
#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) __typeof__(val) *name
typedef unsigned int __u32;
typedef unsigned long long __u64;
static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;

struct value { __u64 count; __u32 pid; };

struct {
  __uint(type, 1);
  __uint(max_entries, 1024);
  __type(key, __u32);
  __type(value, struct value);
  __uint(map_flags, 1);
} counts SEC(".maps");

struct {
  __uint(type, 27);
  __uint(max_entries, 256 * 1024);
} events SEC(".maps");

struct {
  __uint(type, 2);
  __uint(key_size, 4);
  __uint(value_size, 8);
  __uint(max_entries, 16);
} sized SEC(".maps");

__attribute__((noinline)) int helper(int x)
{
  return x * 3;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int on_openat(void *ctx)
{
  __u32 key = 7;
  struct value *v = bpf_map_lookup_elem(&counts, &key);
  if (v)
    v->count += helper(v->pid);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
`;

/** The named sections of a little-endian ELF64 file. */
function elfSections(file: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const shoff = Number(view.getBigUint64(0x28, true));
  const shentsize = view.getUint16(0x3a, true);
  const shnum = view.getUint16(0x3c, true);
  const shstrndx = view.getUint16(0x3e, true);
  const header = (i: number) => {
    const at = shoff + i * shentsize;
    const offset = Number(view.getBigUint64(at + 0x18, true));
    const size = Number(view.getBigUint64(at + 0x20, true));
    return { name: view.getUint32(at, true), bytes: file.subarray(offset, offset + size) };
  };
  const names = header(shstrndx).bytes;
  const sections = new Map<string, Uint8Array>();
  for (let i = 1; i < shnum; i++) {
    const { name, bytes } = header(i);
    sections.set(new TextDecoder().decode(names.subarray(name, names.indexOf(0, name))), bytes);
  }
  return sections;
}

function compile(): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-btf-"));
  try {
    writeFileSync(join(dir, "prog.c"), SOURCE);
    const result = spawnSync("clang", ["-O2", "-g", "-target", "bpf", "-c", "prog.c", "-o", "prog.o"],
      { cwd: dir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`clang failed:\n${result.stderr}`);
    return elfSections(new Uint8Array(readFileSync(join(dir, "prog.o"))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("clang-compiled BPF object", () => {
  clangTest("its .BTF, .BTF.ext and .maps read as libbpf reads them", () => {
    const sections = compile();
    const btf = parseBtf(sections.get(".BTF")!);

    const value = btf.typeByName("value", "STRUCT")!;
    expect(value.type.size).toBe(16);
    expect(btf.memberOffset(value.id, "pid")).toBe(8);
    const func = btf.typeByName("on_openat", "FUNC")!;
    expect(func.type.linkage).toBe("global");
    const proto = btf.typeOfKind(func.type.type, "FUNC_PROTO");
    expect(btf.typeById(proto.returnType).name).toBe("int");
    expect(proto.params.map((p) => p.name)).toEqual(["ctx"]);

    const maps = decodeMapDefinitions(btf);
    expect(maps.map(({ name, type, maxEntries, keySize, valueSize, flags }) =>
      ({ name, type, maxEntries, keySize, valueSize, flags }))).toEqual([
      { name: "counts", type: 1, maxEntries: 1024, keySize: 4, valueSize: 16, flags: 1 },
      { name: "events", type: 27, maxEntries: 262144, keySize: 0, valueSize: 0, flags: 0 },
      { name: "sized", type: 2, maxEntries: 16, keySize: 4, valueSize: 8, flags: 0 },
    ]);
    expect(maps[0]!.valueTypeId).toBe(value.id);
    expect(btf.typeById(maps[0]!.keyTypeId!).name).toBe("__u32");

    const ext = decodeBtfExt(sections.get(".BTF.ext")!, btf.strings);
    const program = "tracepoint/syscalls/sys_enter_openat";
    expect(ext.funcInfo.map((s) => s.section).sort()).toEqual([".text", program]);
    const progFuncs = ext.funcInfo.find((s) => s.section === program)!;
    expect(progFuncs.records).toEqual([{ insnOff: 0, typeId: func.id }]);
    const textFuncs = ext.funcInfo.find((s) => s.section === ".text")!;
    expect(btf.typeById(textFuncs.records[0]!.typeId).name).toBe("helper");

    const lines = ext.lineInfo.find((s) => s.section === program)!.records;
    expect(lines.length).toBeGreaterThan(1);
    expect(btf.strings.get(lines[0]!.fileNameOff)).toMatch(/prog\.c$/);
    const texts = lines.map((l) => btf.strings.get(l.lineOff));
    expect(texts.some((t) => t.includes("bpf_map_lookup_elem(&counts, &key)"))).toBe(true);
    expect(lines.every((l) => l.insnOff % 8 === 0)).toBe(true);
    expect(lines.some((l) => l.line === 0)).toBe(true); // clang marks generated code with line 0
    expect(progLoadLineInfo(lines).length).toBe(lines.length * 16);
  });

  clangTest("its .BTF.ext re-encodes to the same bytes clang wrote", () => {
    const sections = compile();
    const btf = parseBtf(sections.get(".BTF")!);
    const original = sections.get(".BTF.ext")!;
    const ext = decodeBtfExt(original, btf.strings);
    const again = encodeBtfExt(ext, { addString: (s) => btf.strings.find(s)! });
    expect(again).toEqual(original.slice());
  });

  clangTest("its BTF types survive a re-encode with BtfBuilder", () => {
    const btf = parseBtf(compile().get(".BTF")!);
    const b = new BtfBuilder();
    for (const t of btf.types) b.add(t);
    expect(parseBtf(b.encode()).types).toEqual(btf.types);
  });
});
