/**
 * DSL types as BTF, so the kernel and bpftool see map keys and values as the probe declared
 * them (`bpftool map dump` prints fields by name). Identical types are interned once.
 */
import { type BtfBuilder, intType } from "@ts-bpf/loader";
import type { DslType } from "../frontend/dsl_types.ts";

export function btfTypeOf(builder: BtfBuilder, type: DslType): number {
  switch (type.kind) {
    case "int":
      return builder.intern(intType(type.name, type.bits / 8, type.signed ? "signed" : "none"));
    case "bool":
      return builder.intern(intType("bool", 1, "bool"));
    case "void":
      return 0;
    case "str": {
      const char = builder.intern(intType("char", 1, "char"));
      return builder.intern({ kind: "ARRAY", name: "", type: char, indexType: u32(builder),
        nelems: type.capacity });
    }
    case "array":
      return builder.intern({ kind: "ARRAY", name: "", type: btfTypeOf(builder, type.element),
        indexType: u32(builder), nelems: type.length });
    case "struct":
      return builder.intern({
        kind: "STRUCT", name: type.name.replace(/[^A-Za-z0-9_]/g, "_"), size: type.size,
        members: type.fields.map((f) => ({ name: f.name, type: btfTypeOf(builder, f.type),
          bitOffset: f.offset * 8, bitfieldSize: 0 })),
      });
  }
}

function u32(builder: BtfBuilder): number {
  return builder.intern(intType("__u32", 4));
}
