/** bpf() object commands: BTF load, pin and get. */
import { attr, bpfCall, bpfRaw } from "./bpf.ts";
import { BpfCmd } from "./bpf_cmd.ts";
import { BtfLoadAttr, ObjAttr } from "./layouts.generated.ts";

/** BPF_BTF_LOAD; returns the BTF fd or -errno (the caller reads the log). */
export function btfLoad(btf: number, size: number, logBuf = 0, logSize = 0, logLevel = 0): number {
  const a = attr()
    .u64(BtfLoadAttr.btf, btf)
    .u64(BtfLoadAttr.btf_log_buf, logBuf)
    .u32(BtfLoadAttr.btf_size, size)
    .u32(BtfLoadAttr.btf_log_size, logSize)
    .u32(BtfLoadAttr.btf_log_level, logLevel);
  return bpfRaw(BpfCmd.BTF_LOAD, a);
}

/** BPF_OBJ_PIN at a bpffs path (a native C string). */
export function objPin(fd: number, path: number, what?: string): void {
  bpfCall(BpfCmd.OBJ_PIN, attr().u64(ObjAttr.pathname, path).u32(ObjAttr.bpf_fd, fd), what);
}

/** BPF_OBJ_GET of a pinned object; returns a new fd. */
export function objGet(path: number, what?: string): number {
  return bpfCall(BpfCmd.OBJ_GET, attr().u64(ObjAttr.pathname, path), what);
}
