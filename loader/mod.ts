/**
 * @ts-bpf/loader — load and attach eBPF programs from Bun, Deno and Node.
 *
 * The bottom layer of tsbpf, usable on its own: a typed `bpf()` binding over one FFI adapter
 * per runtime (chosen at start), maps, programs with verifier errors that name the source line,
 * links for every attach kind this kernel family offers, ring-buffer and perf-buffer readers,
 * the eBPF instruction set (encode, decode, disassemble, assemble), ELF and BTF reading and
 * writing, clang-built objects in the libbpf convention, and feature probes. It imports nothing
 * else of tsbpf.
 *
 * Everything that owns a file descriptor has `close()` and `[Symbol.dispose]`, so `using` works;
 * links are BPF links, so a process that dies leaves nothing attached.
 *
 * ```ts
 * import { BpfMap, loadCollection, readBpfObject } from "@ts-bpf/loader";
 * using objects = loadCollection(readBpfObject(bytes, "prog.bpf.o"));
 * using link = objects.attach("count_openat");
 * ```
 */

// The instruction set, kernel enums, helper ids.
export * from "./src/asm/mod.ts";

// ELF and BTF.
export * from "./src/elf/mod.ts";
export * from "./src/btf/mod.ts";

// The syscall layer: errors, the backend seam, and the kernel files it reads.
export type { NativeMemory, SyscallBackend } from "./src/sys/backend.ts";
export { backend, setBackend } from "./src/sys/select_backend.ts";
export { FakeBackend, type FakeBpfCall } from "./src/sys/ffi/fake.ts";
export { SyscallError } from "./src/sys/errors.ts";
export { errnoName } from "./src/sys/errno.ts";
export { BpfCmd, bpfCmdName } from "./src/sys/bpf_cmd.ts";
export { closeFd } from "./src/sys/bpf.ts";
export { concatBytes } from "./src/util/bytes.ts";
export { CLOCK_MONOTONIC, CLOCK_REALTIME, SYS } from "./src/sys/numbers.ts";
export { readFileBytes, readFileText, readFileTextIfExists } from "./src/sys/files.ts";
export { getpid, getppid, gettid } from "./src/sys/os.ts";
export { enableStats } from "./src/sys/prog_cmds.ts";

// Maps.
export { BpfMap, UpdateFlag } from "./src/maps/bpf_map.ts";
export { type MapSpec, MapSpecError, validateMapSpec } from "./src/maps/map_spec.ts";

// Programs.
export { loadProgram, type LoadOptions, Program, type ProgramInfo } from "./src/programs/program.ts";
export type {
  MapReference, ProgramBtf, ProgramSpec, SourceLocation,
} from "./src/programs/program_spec.ts";
export { parseVerifierLog, VerifierError } from "./src/programs/verifier_error.ts";
export { programSpec } from "./src/programs/from_instructions.ts";

// Links, one module per attach kind.
export { FdLink, type Link, linkInfo } from "./src/links/link.ts";
export { LinkGroup } from "./src/links/link_group.ts";
export { AttachError } from "./src/links/attach_error.ts";
export {
  findTracefs, listTracepoints, mountTracefs, tracefs, TracefsError, tracepointFormat,
  tracepointId,
} from "./src/links/tracefs.ts";
export { attachTracepoint } from "./src/links/tracepoint.ts";
export { attachRawTracepoint } from "./src/links/raw_tracepoint.ts";
export {
  Executable, openExecutable, type OpenExecutableOptions, type UprobeOptions,
} from "./src/links/uprobe.ts";
export { attachUprobeMulti, type UprobeMultiOptions } from "./src/links/uprobe_multi.ts";
export { attachPerfEvent, type PerfEventOptions } from "./src/links/perf_event.ts";
export { attachXdp, type XdpMode, type XdpOptions } from "./src/links/xdp.ts";
export { attachTc, type TcDirection, TcxVerdict } from "./src/links/tc.ts";
export { attachSocketFilter, SocketFilterLink } from "./src/links/socket_filter.ts";
export { findInterface, listInterfaces, type NetInterface } from "./src/links/net_interfaces.ts";

// Ring and perf buffers.
export { RingBufReader, type RingBufReaderOptions } from "./src/ringbuf/ring_buf_reader.ts";
export type { RawRecordCallback, RecordCallback, RingBufStats } from "./src/ringbuf/ring_buf_consumer.ts";
export { PerfBufReader, type PerfBufReaderOptions, type PerfBufStats } from "./src/ringbuf/perf_buf_reader.ts";

// clang-built objects (libbpf convention).
export { readBpfObject } from "./src/object/object_reader.ts";
export { Collection, type CollectionOptions, loadCollection } from "./src/object/collection.ts";
export type { BpfObjectSpec, ObjectMap, ObjectProgram } from "./src/object/object_spec.ts";
export { ObjectError } from "./src/object/object_error.ts";
export { type AutoAttach, type SectionKind, sectionKind } from "./src/object/section_kinds.ts";

// Feature probes and facts about the running kernel.
export { haveHelper, haveMapType, haveProgramType } from "./src/features/feature_probes.ts";
export { kernelAtLeast, kernelFacts, type KernelFacts, kernelRelease } from "./src/kernel/facts.ts";
export { onlineCpus, possibleCpuCount } from "./src/kernel/cpus.ts";

// The artifact schema the compiler writes and the runtime reads.
export * from "./src/artifact/schema.ts";
