/**
 * Offsets of members of the kernel's structs, from the running kernel's BTF
 * (/sys/kernel/btf/vmlinux) or a pinned copy of it: what the compiler's kernelOffset() asks
 * (it takes any object with this shape). Read on the first question only, and then only the
 * types a question reaches are decoded (parseBtfLazily, findTypeId): ~20 ms and ~27 MB of RSS
 * for the HTTP probe's offsets, where a full parse of vmlinux costs ~45 ms and ~55 MB.
 */
import type { Btf } from "./btf.ts";
import { BtfError } from "./btf_error.ts";
import { parseBtfLazily } from "./btf_parser.ts";
import { findTypeId } from "./find_type_id.ts";
import { readFileBytes } from "../sys/files.ts";

const VMLINUX = "/sys/kernel/btf/vmlinux";

export interface KernelStructOffsets {
  /**
   * The byte offset of `member` (a dotted path; anonymous structs and unions are looked into)
   * from the start of `struct <struct>` (or union).
   * @throws {Error} saying what is missing: the BTF file, the struct, the member.
   */
  memberOffset(struct: string, member: string): number;
}

/** Offsets from `btfFile` (default: the running kernel's vmlinux BTF). */
export function kernelStructOffsets(btfFile?: string): KernelStructOffsets {
  const file = btfFile ?? VMLINUX;
  let opened: { bytes: Uint8Array; btf: Btf } | undefined;
  // A struct's id, once found (each search scans the whole type section).
  const ids = new Map<string, number | undefined>();
  return {
    memberOffset(struct: string, member: string): number {
      if (!opened) {
        let bytes: Uint8Array;
        try {
          bytes = readFileBytes(file);
        } catch (e) {
          throw new Error(`cannot read the kernel's BTF from ${file} (${(e as Error).message})` +
            (btfFile ? "" : ": this kernel was built without CONFIG_DEBUG_INFO_BTF"));
        }
        opened = { bytes, btf: parseBtfLazily(bytes) };
      }
      const { bytes, btf } = opened;
      if (!ids.has(struct)) ids.set(struct, findTypeId(bytes, struct, "STRUCT") ?? findTypeId(bytes, struct, "UNION"));
      const id = ids.get(struct);
      if (id === undefined) throw new Error(`the kernel has no struct or union named '${struct}'`);
      try {
        return btf.memberOffset(id, member);
      } catch (e) {
        // The BTF reader's detail ("struct 'x' (type id 123) has no member 'y'") is the message.
        throw e instanceof BtfError ? new Error(e.detail) : e;
      }
    },
  };
}
