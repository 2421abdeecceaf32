/**
 * The real proof of the encoder: the kernel's BTF verifier accepts what BtfBuilder writes, maps
 * take its key/value type ids, and BPF_PROG_LOAD takes its func and line info.
 */
import { describe, expect } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { closeFd } from "../sys/bpf.ts";
import { mapCreate } from "../sys/map_cmds.ts";
import { btfLoad } from "../sys/obj_cmds.ts";
import { objGetInfoByFd, progLoad } from "../sys/prog_cmds.ts";
import { cString, toNative, withNative, withScratch } from "../sys/attr.ts";
import { ProgInfo } from "../sys/layouts.generated.ts";
import { backend } from "../sys/select_backend.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { encodeBtfExt, decodeBtfExt } from "./btf_ext.ts";
import { parseBtf } from "./btf_parser.ts";
import { everyKind } from "./fixtures.ts";
import { addMapDefinitions } from "./map_def.ts";
import { BPF_FUNC_INFO_SIZE, BPF_LINE_INFO_SIZE, progLoadFuncInfo, progLoadLineInfo } from "./prog_load_info.ts";
import { addProgramFunc } from "./program_func.ts";
import { intType } from "./types.ts";

const LOG_SIZE = 1 << 16;

/** Loads BTF; returns the fd, or throws with the kernel's verifier log. */
function loadBtf(bytes: Uint8Array): number {
  return withNative(bytes, (btf) => withScratch(LOG_SIZE, (log) => {
    const fd = btfLoad(btf.address, bytes.length, log.address, LOG_SIZE, 1);
    if (fd < 0) {
      const text = new TextDecoder().decode(log.bytes.subarray(0, log.bytes.indexOf(0)));
      throw new Error(`BPF_BTF_LOAD failed with errno ${-fd}:\n${text}`);
    }
    return fd;
  }));
}

describe("kernel accepts encoded BTF", () => {
  kernelTest("BPF_BTF_LOAD accepts one type of every kind", () => {
    const b = new BtfBuilder();
    for (const t of everyKind()) b.add(t);
    const fd = loadBtf(b.encode());
    expect(fd).toBeGreaterThan(0);
    closeFd(fd);
  });

  kernelTest("a map takes key and value types from .maps BTF, and a program its func and line info", () => {
    const b = new BtfBuilder();
    const u32 = b.add(intType("unsigned int", 4));
    const u64 = b.add(intType("unsigned long long", 8));
    const value = b.add({ kind: "STRUCT", name: "value", size: 16, members: [
      { name: "count", type: u64, bitOffset: 0, bitfieldSize: 0 },
      { name: "pid", type: u32, bitOffset: 64, bitfieldSize: 0 },
    ] });
    addMapDefinitions(b, [
      { name: "counts", type: 1, maxEntries: 64, keyTypeId: u32, valueTypeId: value },
      { name: "events", type: 27, maxEntries: 4096 },
    ]);
    const func = addProgramFunc(b, "returns_zero");
    const file = b.addString("probe.ts");
    const ext = encodeBtfExt({
      funcInfo: [{ section: "socket", records: [{ insnOff: 0, typeId: func }] }],
      lineInfo: [{ section: "socket", records: [
        { insnOff: 0, fileNameOff: file, lineOff: b.addString("const x = 0;"), line: 3, column: 1 },
        { insnOff: 8, fileNameOff: file, lineOff: b.addString("return x;"), line: 4, column: 3 },
      ] }],
    }, b);
    const btfBytes = b.encode();
    const btfFd = loadBtf(btfBytes);
    const fds: number[] = [btfFd];
    try {
      fds.push(mapCreate({ mapType: 1, keySize: 4, valueSize: 16, maxEntries: 64, name: "counts",
        btfFd, btfKeyTypeId: u32, btfValueTypeId: value }));

      const decoded = decodeBtfExt(ext, parseBtf(btfBytes).strings);
      const funcInfo = progLoadFuncInfo(decoded.funcInfo[0]!.records);
      const lineInfo = progLoadLineInfo(decoded.lineInfo[0]!.records);
      // r0 = 0; exit
      const insns = new Uint8Array([0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0]);
      const sys = backend();
      const [insnMem, funcMem, lineMem, license] = [toNative(insns), toNative(funcInfo),
        toNative(lineInfo), cString("GPL")] as const;
      const memory = [insnMem, funcMem, lineMem, license];
      const progFd = withScratch(LOG_SIZE, (log) => {
        const fd = progLoad({ progType: 1, insns: insnMem.address, insnCount: 2, license: license.address,
          name: "returns_zero", btfFd, funcInfo: funcMem.address, funcInfoCount: 1,
          funcInfoRecSize: BPF_FUNC_INFO_SIZE, lineInfo: lineMem.address, lineInfoCount: 2,
          lineInfoRecSize: BPF_LINE_INFO_SIZE, logBuf: log.address, logSize: LOG_SIZE, logLevel: 1 });
        if (fd < 0) {
          const text = new TextDecoder().decode(log.bytes.subarray(0, log.bytes.indexOf(0)));
          throw new Error(`BPF_PROG_LOAD failed with errno ${-fd}:\n${text}`);
        }
        return fd;
      });
      for (const m of memory) sys.free(m);
      fds.push(progFd);
      withScratch(ProgInfo.SIZE, (info) => {
        objGetInfoByFd(progFd, info.address, ProgInfo.SIZE);
        const view = new DataView(info.bytes.buffer, info.bytes.byteOffset, ProgInfo.SIZE);
        expect(view.getUint32(ProgInfo.btf_id, true)).toBeGreaterThan(0);
        expect(view.getUint32(ProgInfo.nr_func_info, true)).toBe(1);
        expect(view.getUint32(ProgInfo.nr_line_info, true)).toBe(2);
      });
    } finally {
      for (const fd of fds) closeFd(fd);
    }
  });
});
