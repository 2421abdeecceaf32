/** bpf() program commands: load, test run, info, stats. Buffers are native addresses. */
import { attr, bpfCall, bpfRaw } from "./bpf.ts";
import { BpfCmd } from "./bpf_cmd.ts";
import {
  EnableStatsAttr, InfoAttr, ProgLoadAttr, TestRunAttr,
} from "./layouts.generated.ts";

export interface ProgLoadRequest {
  progType: number;
  insns: number;
  insnCount: number;
  license: number;
  name?: string;
  expectedAttachType?: number;
  flags?: number;
  logLevel?: number;
  logBuf?: number;
  logSize?: number;
  btfFd?: number;
  funcInfo?: number;
  funcInfoCount?: number;
  funcInfoRecSize?: number;
  lineInfo?: number;
  lineInfoCount?: number;
  lineInfoRecSize?: number;
  attachBtfId?: number;
  kernVersion?: number;
}

/** BPF_PROG_LOAD; returns the program fd or -errno (the caller reads the log). */
export function progLoad(r: ProgLoadRequest): number {
  const a = attr()
    .u32(ProgLoadAttr.prog_type, r.progType)
    .u32(ProgLoadAttr.insn_cnt, r.insnCount)
    .u64(ProgLoadAttr.insns, r.insns)
    .u64(ProgLoadAttr.license, r.license)
    .u32(ProgLoadAttr.log_level, r.logLevel ?? 0)
    .u32(ProgLoadAttr.log_size, r.logSize ?? 0)
    .u64(ProgLoadAttr.log_buf, r.logBuf ?? 0)
    .u32(ProgLoadAttr.kern_version, r.kernVersion ?? 0)
    .u32(ProgLoadAttr.prog_flags, r.flags ?? 0)
    .name(ProgLoadAttr.prog_name, r.name ?? "", 16)
    .u32(ProgLoadAttr.expected_attach_type, r.expectedAttachType ?? 0)
    .u32(ProgLoadAttr.prog_btf_fd, r.btfFd ?? 0)
    .u32(ProgLoadAttr.func_info_rec_size, r.funcInfoRecSize ?? 0)
    .u64(ProgLoadAttr.func_info, r.funcInfo ?? 0)
    .u32(ProgLoadAttr.func_info_cnt, r.funcInfoCount ?? 0)
    .u32(ProgLoadAttr.line_info_rec_size, r.lineInfoRecSize ?? 0)
    .u64(ProgLoadAttr.line_info, r.lineInfo ?? 0)
    .u32(ProgLoadAttr.line_info_cnt, r.lineInfoCount ?? 0)
    .u32(ProgLoadAttr.attach_btf_id, r.attachBtfId ?? 0);
  return bpfRaw(BpfCmd.PROG_LOAD, a);
}

export interface TestRunRequest {
  progFd: number;
  dataIn?: number;
  dataSizeIn?: number;
  dataOut?: number;
  dataSizeOut?: number;
  ctxIn?: number;
  ctxSizeIn?: number;
  ctxOut?: number;
  ctxSizeOut?: number;
  repeat?: number;
  flags?: number;
  cpu?: number;
}

export interface TestRunResult {
  retval: number;
  duration: number;
  dataSizeOut: number;
  ctxSizeOut: number;
}

/** BPF_PROG_TEST_RUN; throws a SyscallError on failure. */
export function progTestRun(r: TestRunRequest): TestRunResult {
  const a = attr()
    .u32(TestRunAttr.prog_fd, r.progFd)
    .u32(TestRunAttr.data_size_in, r.dataSizeIn ?? 0)
    .u32(TestRunAttr.data_size_out, r.dataSizeOut ?? 0)
    .u64(TestRunAttr.data_in, r.dataIn ?? 0)
    .u64(TestRunAttr.data_out, r.dataOut ?? 0)
    .u32(TestRunAttr.repeat, r.repeat ?? 0)
    .u32(TestRunAttr.ctx_size_in, r.ctxSizeIn ?? 0)
    .u32(TestRunAttr.ctx_size_out, r.ctxSizeOut ?? 0)
    .u64(TestRunAttr.ctx_in, r.ctxIn ?? 0)
    .u64(TestRunAttr.ctx_out, r.ctxOut ?? 0)
    .u32(TestRunAttr.flags, r.flags ?? 0)
    .u32(TestRunAttr.cpu, r.cpu ?? 0);
  bpfCall(BpfCmd.PROG_TEST_RUN, a);
  return {
    retval: a.readU32(TestRunAttr.retval),
    duration: a.readU32(TestRunAttr.duration),
    dataSizeOut: a.readU32(TestRunAttr.data_size_out),
    ctxSizeOut: a.readU32(TestRunAttr.ctx_size_out),
  };
}

/** BPF_OBJ_GET_INFO_BY_FD into a native buffer of `infoLen` bytes; returns the length filled. */
export function objGetInfoByFd(fd: number, info: number, infoLen: number): number {
  const a = attr()
    .u32(InfoAttr.bpf_fd, fd)
    .u32(InfoAttr.info_len, infoLen)
    .u64(InfoAttr.info, info);
  bpfCall(BpfCmd.OBJ_GET_INFO_BY_FD, a);
  return a.readU32(InfoAttr.info_len);
}

export const BPF_STATS_RUN_TIME = 0;

/** BPF_ENABLE_STATS: run_time_ns and run_cnt are counted while the returned fd stays open. */
export function enableStats(type = BPF_STATS_RUN_TIME): number {
  return bpfCall(BpfCmd.ENABLE_STATS, attr().u32(EnableStatsAttr.type, type));
}

/** bpf() with a raw command and attr filler, for commands without their own function yet. */
export { bpfRaw };
