/**
 * Program: a program loaded into the kernel. `loadProgram` patches map references, loads, and
 * on failure reloads with the verifier log (growing the buffer until it fits) to raise a
 * `VerifierError` that names the source line of the failing instruction.
 */
import { ProgType } from "../asm/mod.ts";
import { closeFd } from "../sys/bpf.ts";
import { cString, toNative, withScratch } from "../sys/attr.ts";
import type { NativeMemory } from "../sys/backend.ts";
import { ENOSPC, EPERM } from "../sys/errno.ts";
import { SyscallError } from "../sys/errors.ts";
import { ProgInfo } from "../sys/layouts.generated.ts";
import { objGetInfoByFd, progLoad, progTestRun, type TestRunResult } from "../sys/prog_cmds.ts";
import { backend } from "../sys/select_backend.ts";
import type { BpfMap } from "../maps/bpf_map.ts";
import type { ProgramSpec } from "./program_spec.ts";
import { progTypeName } from "./prog_types.ts";
import { patchMapReferences } from "./relocate.ts";
import { VerifierError } from "./verifier_error.ts";

export interface LoadOptions {
  /** Maps by name, for the spec's map references. */
  maps?: Record<string, BpfMap> | Map<string, BpfMap>;
  /** Verifier log level on failure (1 = the failing path, 2 = every state). */
  logLevel?: number;
  /** Always capture the verifier log, even on success (`verifierLog` on the Program). */
  keepLog?: boolean;
}

const RAW_TRACEPOINT_TYPES: ReadonlySet<number> = new Set([
  ProgType.RAW_TRACEPOINT, ProgType.RAW_TRACEPOINT_WRITABLE,
]);

const FIRST_LOG_SIZE = 256 * 1024;
const MAX_LOG_SIZE = 64 * 1024 * 1024;

/** Kernel figures of a loaded program (BPF_OBJ_GET_INFO_BY_FD). */
export interface ProgramInfo {
  id: number;
  name: string;
  type: number;
  tag: string;
  xlatedBytes: number;
  jitedBytes: number;
  verifiedInsns: number;
  /** Set when kernel.bpf_stats_enabled is 1 (or `enableStats()` holds an fd). */
  runTimeNs: bigint;
  runCount: bigint;
  mapIds: number[];
}

export class Program {
  readonly fd: number;
  readonly spec: Readonly<ProgramSpec>;
  readonly verifierLog?: string;
  #closed = false;

  constructor(fd: number, spec: ProgramSpec, verifierLog?: string) {
    this.fd = fd;
    this.spec = spec;
    this.verifierLog = verifierLog;
  }

  get name(): string {
    return this.spec.name;
  }

  get type(): number {
    return this.spec.type;
  }

  /** Kernel figures: ids, sizes, run counts. */
  info(): ProgramInfo {
    return withScratch(ProgInfo.SIZE, (info) => {
      const mapIds = backend().alloc(4 * 64);
      try {
        const view = new DataView(info.bytes.buffer, info.bytes.byteOffset, ProgInfo.SIZE);
        view.setUint32(ProgInfo.nr_map_ids, 64, true);
        view.setBigUint64(ProgInfo.map_ids, BigInt(mapIds.address), true);
        objGetInfoByFd(this.fd, info.address, ProgInfo.SIZE);
        const nameBytes = info.bytes.subarray(ProgInfo.name, ProgInfo.name + 16);
        const nul = nameBytes.indexOf(0);
        const tag = Array.from(info.bytes.subarray(ProgInfo.tag, ProgInfo.tag + 8),
          (b) => b.toString(16).padStart(2, "0")).join("");
        const mapCount = Math.min(view.getUint32(ProgInfo.nr_map_ids, true), 64);
        const ids = new DataView(mapIds.bytes.buffer, mapIds.bytes.byteOffset, 256);
        return {
          id: view.getUint32(ProgInfo.id, true),
          name: new TextDecoder().decode(nameBytes.subarray(0, nul < 0 ? 16 : nul)),
          type: view.getUint32(ProgInfo.type, true),
          tag,
          xlatedBytes: view.getUint32(ProgInfo.xlated_prog_len, true),
          jitedBytes: view.getUint32(ProgInfo.jited_prog_len, true),
          verifiedInsns: view.getUint32(ProgInfo.verified_insns, true),
          runTimeNs: view.getBigUint64(ProgInfo.run_time_ns, true),
          runCount: view.getBigUint64(ProgInfo.run_cnt, true),
          mapIds: Array.from({ length: mapCount }, (_, i) => ids.getUint32(i * 4, true)),
        };
      } finally {
        backend().free(mapIds);
      }
    });
  }

  /**
   * Runs the program once on `ctx` (and `data` for packet programs) with BPF_PROG_TEST_RUN.
   * Raw-tracepoint, syscall, XDP, tc and socket-filter programs can; tracepoint and kprobe
   * programs cannot (the kernel answers ENOTSUPP).
   */
  testRun(input: { ctx?: Uint8Array; data?: Uint8Array; repeat?: number; dataOutSize?: number } =
    {}): TestRunResult & { ctxOut?: Uint8Array; dataOut?: Uint8Array } {
    const sys = backend();
    const owned: NativeMemory[] = [];
    const native = (bytes?: Uint8Array) => {
      if (!bytes) return undefined;
      const m = toNative(bytes);
      owned.push(m);
      return m;
    };
    try {
      const ctx = native(input.ctx);
      // Raw-tracepoint test runs refuse ctx_out (EINVAL); other types copy the ctx back.
      const copiesCtxBack = !RAW_TRACEPOINT_TYPES.has(this.type);
      const ctxOut = native(input.ctx && copiesCtxBack ? new Uint8Array(input.ctx.length)
        : undefined);
      const data = native(input.data);
      const dataOutSize = input.dataOutSize ?? (input.data ? input.data.length + 256 : 0);
      const dataOut = native(dataOutSize ? new Uint8Array(dataOutSize) : undefined);
      let result: TestRunResult;
      try {
        result = progTestRun({
          progFd: this.fd,
          ctxIn: ctx?.address, ctxSizeIn: input.ctx?.length,
          ctxOut: ctxOut?.address, ctxSizeOut: ctxOut ? input.ctx?.length : 0,
          dataIn: data?.address, dataSizeIn: input.data?.length,
          dataOut: dataOut?.address, dataSizeOut: dataOutSize,
          repeat: input.repeat,
        });
      } catch (error) {
        if (error instanceof SyscallError) {
          throw new SyscallError(`Cannot test-run program '${this.name}' ` +
            `(${progTypeName(this.type)})`, error.errno, {
            hint: error.errno === 524 || error.errno === 95
              ? "this program type cannot be test-run; load the same code as a raw " +
                "tracepoint or syscall program"
              : error.hint,
          });
        }
        throw error;
      }
      return {
        ...result,
        ctxOut: ctxOut?.bytes.slice(0, result.ctxSizeOut || input.ctx?.length),
        dataOut: dataOut?.bytes.slice(0, result.dataSizeOut),
      };
    } finally {
      for (const m of owned) sys.free(m);
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeFd(this.fd);
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Loads a program into the kernel.
 * @throws VerifierError when the verifier refuses it; SyscallError for other failures
 * (EPERM: privileges); Error when a map reference names a map not given.
 */
export function loadProgram(spec: ProgramSpec, options: LoadOptions = {}): Program {
  const bytecode = patchMapReferences(spec, options.maps);
  const sys = backend();
  const insns = toNative(bytecode);
  const license = cString(spec.license ?? "GPL");
  const funcInfo = spec.btf?.funcInfo ? toNative(spec.btf.funcInfo) : undefined;
  const lineInfo = spec.btf?.lineInfo ? toNative(spec.btf.lineInfo) : undefined;
  const load = (logBuf = 0, logSize = 0, logLevel = 0) => progLoad({
    progType: spec.type,
    insns: insns.address,
    insnCount: bytecode.length / 8,
    license: license.address,
    name: spec.name.replace(/[^A-Za-z0-9_.]/g, "_").slice(0, 15),
    expectedAttachType: spec.expectedAttachType,
    attachBtfId: spec.attachBtfId,
    flags: spec.flags,
    logBuf, logSize, logLevel,
    btfFd: spec.btf?.fd,
    funcInfo: funcInfo?.address,
    funcInfoCount: funcInfo ? funcInfo.bytes.length / (spec.btf?.funcInfoRecSize ?? 8) : 0,
    funcInfoRecSize: funcInfo ? spec.btf?.funcInfoRecSize ?? 8 : 0,
    lineInfo: lineInfo?.address,
    lineInfoCount: lineInfo ? lineInfo.bytes.length / (spec.btf?.lineInfoRecSize ?? 16) : 0,
    lineInfoRecSize: lineInfo ? spec.btf?.lineInfoRecSize ?? 16 : 0,
  });
  try {
    if (options.keepLog) return loadWithLog(spec, load, options.logLevel ?? 1, true);
    const fd = load();
    if (fd >= 0) return new Program(fd, spec);
    if (fd === -EPERM) {
      throw new SyscallError(`Cannot load program '${spec.name}' (${progTypeName(spec.type)})`,
        EPERM);
    }
    return loadWithLog(spec, load, options.logLevel ?? 1, false);
  } finally {
    for (const m of [insns, license, funcInfo, lineInfo]) if (m) sys.free(m);
  }
}

function loadWithLog(spec: ProgramSpec, load: (buf: number, size: number, level: number) => number,
  level: number, keep: boolean): Program {
  const sys = backend();
  for (let size = FIRST_LOG_SIZE; ; size *= 4) {
    const log = sys.alloc(size);
    try {
      const fd = load(log.address, size, level);
      const text = decodeLog(log.bytes);
      if (fd >= 0) return new Program(fd, spec, keep ? text : undefined);
      if (fd === -ENOSPC && size < MAX_LOG_SIZE) continue;
      throw new VerifierError(spec.name, -fd, text, spec.sourceOf);
    } finally {
      sys.free(log);
    }
  }
}

function decodeLog(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return new TextDecoder().decode(bytes.subarray(0, nul < 0 ? bytes.length : nul));
}

