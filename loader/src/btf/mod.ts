/**
 * BTF (BPF Type Format) for tsbpf: the type model, a deterministic encoder, a parser that
 * reads vmlinux and split module BTF, `.BTF.ext` func and line info, the arrays BPF_PROG_LOAD
 * takes, and libbpf-style `.maps` definitions. Pure TypeScript; loading BTF into the kernel
 * is `btfLoad` in loader/src/sys.
 */
export { Btf, type BtfMemberRef, type BtfTypeRef } from "./btf.ts";
export { BtfBuilder, type BtfBuilderOptions } from "./btf_builder.ts";
export { BtfError } from "./btf_error.ts";
export {
  type BtfCoreRelo, type BtfExt, type BtfExtSection, type BtfFuncInfo, type BtfLineInfo,
  CORE_RELO_RECORD_SIZE, decodeBtfExt, encodeBtfExt, FUNC_INFO_RECORD_SIZE,
  LINE_INFO_RECORD_SIZE,
} from "./btf_ext.ts";
export {
  BTF_HEADER_SIZE, BTF_MAGIC, BTF_VERSION, type BtfHeader, decodeBtfHeader,
} from "./btf_header.ts";
export { kernelStructOffsets, type KernelStructOffsets } from "./kernel_struct_offsets.ts";
export { parseBtf, parseBtfLazily, type ParseBtfOptions } from "./btf_parser.ts";
export {
  type AddedMapDefinitions, addMapDefinitions, decodeMapDefinitions, type MapDefinition,
  type MapDefinitionEntry, type MapDefinitionSpec,
} from "./map_def.ts";
export {
  BPF_FUNC_INFO_SIZE, BPF_LINE_INFO_SIZE, progLoadFuncInfo, progLoadLineInfo, type ProgramSlice,
} from "./prog_load_info.ts";
export { addProgramFunc, type ProgramFuncOptions } from "./program_func.ts";
export { StringTable, StringTableBuilder } from "./strings.ts";
export {
  BTF_KIND_NAMES, type BtfArray, type BtfConst, type BtfDatasec, type BtfDeclTag, type BtfEnum,
  type BtfEnum64, type BtfEnum64Value, type BtfEnumValue, type BtfFloat, type BtfFunc,
  type BtfFuncProto, type BtfFwd, type BtfInt, type BtfKind, btfKindNumber, type BtfMember,
  type BtfParam, type BtfPtr, type BtfRestrict, type BtfStruct, type BtfType, type BtfTypedef,
  type BtfTypeOf, type BtfTypeTag, type BtfUnion, type BtfVar, type BtfVarSecinfo,
  type BtfVolatile, type IntEncoding, intType, isModifierKind, type Linkage, referencedTypeIds,
} from "./types.ts";
