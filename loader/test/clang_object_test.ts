/**
 * BPF objects compiled by clang in the libbpf convention load and attach through the loader,
 * with their BTF: maps, .rodata, a bpf-to-bpf call, and source lines bpftool can show.
 */
import { describe, expect, test } from "bun:test";
import { execFileSync } from "node:child_process";
import { withTool } from "../../test/support/gates.ts";
import { buildCounterObject, buildObject, clangObjectCount } from "./scenarios.ts";
import { VerifierError } from "../src/programs/verifier_error.ts";
import { readBpfObject } from "../src/object/object_reader.ts";
import { ObjectError } from "../src/object/object_error.ts";
import { loadCollection } from "../src/object/collection.ts";
import { getpid, getppid } from "../src/sys/os.ts";

const clangTest = withTool("clang");
const clangAndBpftoolTest = withTool("clang", "bpftool");

describe("clang-compiled BPF objects", () => {
  clangTest("the object's maps, programs and relocations are read", () => {
    const spec = readBpfObject(buildCounterObject(), "counter.bpf.o");
    expect(spec.license).toBe("GPL");
    expect(spec.maps.map((m) => m.spec.name)).toEqual(["counts", "events", ".rodata"]);
    expect(spec.programs.map((p) => p.spec.name)).toEqual(["count_getppid"]);
    expect(spec.programs[0]!.kind.attach).toEqual({ kind: "tracepoint",
      target: "syscalls:sys_enter_getppid" });
    expect(spec.programs[0]!.spec.mapReferences!.map((r) => r.mapName).sort())
      .toEqual([".rodata", "counts"]);
    expect(spec.warnings).toEqual([]);
  });

  clangTest("it loads, attaches and counts exactly the calls this process made", () => {
    expect(clangObjectCount(buildCounterObject(), 321).count).toBe(321);
  });

  clangAndBpftoolTest("bpftool shows the C source lines, and nothing is left after close", () => {
    const spec = readBpfObject(buildCounterObject(), "counter.bpf.o");
    expect(spec.programs[0]!.lineInfo!.length).toBeGreaterThan(0);
    const collection = loadCollection(spec);
    const id = String(collection.program("count_getppid").info().id);
    const dump = execFileSync("bpftool", ["prog", "dump", "xlated", "id", id], { encoding: "utf8" });
    collection.close();
    expect(dump).toContain("; __u64 *n = bpf_map_lookup_elem(&counts, &key);");
    expect(dump).toContain("map[id:");
    expect(() => execFileSync("bpftool", ["prog", "show", "id", id], { stdio: "ignore" }))
      .toThrow();
  });

  clangTest("a tp_btf program gets its attach_btf_id from the kernel's BTF and counts its calls", () => {
    const spec = readBpfObject(buildObject("tp_btf_counter.bpf.c"), "tp_btf_counter.bpf.o");
    expect(spec.programs[0]!.kind.attach).toEqual({ kind: "tp_btf", target: "sys_exit" });
    const rodata = spec.maps.find((m) => m.spec.name === ".rodata")!;
    new DataView(rodata.initialValue!.buffer, rodata.initialValue!.byteOffset).setUint32(0, getpid(), true);
    using collection = loadCollection(spec);
    {
      using _link = collection.attach("count_getppid_exits");
      for (let i = 0; i < 123; i++) getppid();
    }
    const counted = collection.map("counts").lookup(new Uint8Array(4))!;
    expect(new DataView(counted.buffer, counted.byteOffset).getBigUint64(0, true)).toBe(123n);
  });

  clangTest("a tp_btf program for a tracepoint this kernel lacks is refused with its name", () => {
    const bytes = buildObject("tp_btf_counter.bpf.c");
    const spec = readBpfObject(bytes, "tp_btf_counter.bpf.o");
    const program = spec.programs[0]!;
    const renamed = { ...spec, programs: [{ ...program, kind: { ...program.kind,
      attach: { kind: "tp_btf" as const, target: "no_such_tracepoint" } } }] };
    expect(() => loadCollection(renamed)).toThrow("this kernel has no BTF tracepoint 'no_such_tracepoint'");
  });

  clangTest("a verifier rejection names the C source line first, then the verifier's words", () => {
    const spec = readBpfObject(buildObject("null_deref.bpf.c"), "null_deref.bpf.o");
    let error: unknown;
    try {
      loadCollection(spec).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VerifierError);
    const message = (error as VerifierError).message;
    expect(message).toMatch(/null_deref\.bpf\.c:16:\d+: \n    return \*n;\n/);
    expect(message).toContain("The verifier rejected program 'unchecked'");
    expect(message).toContain("invalid mem access 'map_value_or_null'");
    expect(message).toContain("check the map lookup result for undefined");
  });

  test("a file that is not ELF is refused with a hint", () => {
    const text = new TextEncoder().encode("int main() { return 0; }\n");
    expect(() => readBpfObject(text, "main.c")).toThrow(ObjectError);
    expect(() => readBpfObject(text, "main.c")).toThrow("Cannot read BPF object 'main.c'");
  });
});
