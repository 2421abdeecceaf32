/**
 * Collection: an object's maps and programs loaded into the kernel together. Loading is all or
 * nothing: when any map or program fails, everything made so far is closed before the error
 * propagates. `attach(name)` attaches a program where its section says.
 */
import { toNative } from "../sys/attr.ts";
import { closeFd } from "../sys/bpf.ts";
import { SyscallError } from "../sys/errors.ts";
import { btfLoad } from "../sys/obj_cmds.ts";
import { backend } from "../sys/select_backend.ts";
import { mapFreeze } from "../sys/map_cmds.ts";
import { BpfMap } from "../maps/bpf_map.ts";
import { MapType } from "../asm/mod.ts";
import { possibleCpuCount } from "../kernel/cpus.ts";
import { readFileBytes } from "../sys/files.ts";
import { findTypeId } from "../btf/find_type_id.ts";
import { loadProgram, type Program } from "../programs/program.ts";
import { BPF_FUNC_INFO_SIZE, BPF_LINE_INFO_SIZE } from "../btf/prog_load_info.ts";
import type { Link } from "../links/link.ts";
import { attachTracepoint } from "../links/tracepoint.ts";
import { attachRawTracepoint } from "../links/raw_tracepoint.ts";
import type { BpfObjectSpec } from "./object_spec.ts";

export interface CollectionOptions {
  /** Called with each warning (BTF the kernel refused, skipped sections). */
  onWarning?: (warning: string) => void;
}

export class Collection {
  readonly maps: ReadonlyMap<string, BpfMap>;
  readonly programs: ReadonlyMap<string, Program>;
  readonly warnings: readonly string[];
  #btfFd: number;
  #links: Link[] = [];
  #spec: BpfObjectSpec;

  constructor(spec: BpfObjectSpec, maps: Map<string, BpfMap>, programs: Map<string, Program>,
    btfFd: number, warnings: string[]) {
    this.#spec = spec;
    this.maps = maps;
    this.programs = programs;
    this.#btfFd = btfFd;
    this.warnings = warnings;
  }

  map(name: string): BpfMap {
    const map = this.maps.get(name);
    if (!map) throw new Error(`Object '${this.#spec.name}' has no map '${name}' (it has: ` +
      `${[...this.maps.keys()].join(", ") || "none"})`);
    return map;
  }

  program(name: string): Program {
    const program = this.programs.get(name);
    if (!program) throw new Error(`Object '${this.#spec.name}' has no program '${name}' (it ` +
      `has: ${[...this.programs.keys()].join(", ") || "none"})`);
    return program;
  }

  /** Attaches program `name` where its section names (tracepoints and raw tracepoints). */
  attach(name: string): Link {
    const program = this.program(name);
    const entry = this.#spec.programs.find((p) => p.spec.name === name)!;
    const { kind, target } = entry.kind.attach;
    let link: Link;
    switch (kind) {
      case "tracepoint":
        link = attachTracepoint(program, target);
        break;
      case "raw_tracepoint":
        link = attachRawTracepoint(program, target);
        break;
      case "tp_btf":
        link = attachRawTracepoint(program);
        break;
      default:
        throw new Error(`Program '${name}' (section '${entry.spec.section}') cannot be attached ` +
          `from its section name alone: use the attach function for ${kind} with a target`);
    }
    this.#links.push(link);
    return link;
  }

  /** Detaches everything attached through `attach`, then closes programs, maps and BTF. */
  close(): void {
    for (const link of this.#links.splice(0)) link.close();
    for (const program of this.programs.values()) program.close();
    for (const map of this.maps.values()) map.close();
    closeFd(this.#btfFd);
    this.#btfFd = -1;
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/** Loads an object's maps and programs; closes everything made so far when one fails. */
export function loadCollection(spec: BpfObjectSpec, options: CollectionOptions = {}): Collection {
  const warnings = [...spec.warnings];
  const warn = (w: string) => {
    warnings.push(w);
    options.onWarning?.(w);
  };
  spec.warnings.forEach((w) => options.onWarning?.(w));
  const btfFd = spec.btf ? loadObjectBtf(spec, warn) : -1;
  const maps = new Map<string, BpfMap>();
  const programs = new Map<string, Program>();
  try {
    for (const entry of spec.maps) {
      const typed = btfFd >= 0 && entry.btfKeyTypeId && entry.btfValueTypeId;
      // A perf event array declared with 0 entries gets one per CPU here (libbpf's rule), so
      // an object built elsewhere fits this machine.
      const maxEntries = entry.spec.type === MapType.PERF_EVENT_ARRAY && entry.spec.maxEntries === 0
        ? possibleCpuCount() : entry.spec.maxEntries;
      const map = BpfMap.create({ ...entry.spec, maxEntries, btf: typed
        ? { fd: btfFd, keyTypeId: entry.btfKeyTypeId!, valueTypeId: entry.btfValueTypeId! }
        : undefined });
      maps.set(entry.spec.name, map);
      if (entry.initialValue) map.update(new Uint8Array(4), entry.initialValue);
      if (entry.freeze) mapFreeze(map.fd);
    }
    for (const entry of spec.programs) {
      const attachBtfId = entry.spec.attachBtfId ?? (entry.kind.attach.kind === "tp_btf"
        ? tracepointBtfId(entry.kind.attach.target, entry.spec.name) : undefined);
      const btf = btfFd >= 0 && entry.funcInfo ? {
        fd: btfFd, funcInfo: entry.funcInfo, funcInfoRecSize: BPF_FUNC_INFO_SIZE,
        lineInfo: entry.lineInfo, lineInfoRecSize: BPF_LINE_INFO_SIZE,
      } : undefined;
      programs.set(entry.spec.name, loadProgram({ ...entry.spec, license: spec.license, btf, attachBtfId },
        { maps }));
    }
  } catch (error) {
    for (const program of programs.values()) program.close();
    for (const map of maps.values()) map.close();
    closeFd(btfFd);
    throw error;
  }
  return new Collection(spec, maps, programs, btfFd, warnings);
}

const VMLINUX_BTF = "/sys/kernel/btf/vmlinux";
/** Ids found so far, by tracepoint: the 5 MB of vmlinux BTF are read at load and not kept. */
const tracepointIds = new Map<string, number>();

/**
 * The attach_btf_id of a tp_btf program: the id of the kernel's `btf_trace_<tracepoint>`
 * typedef (what libbpf looks up too), found in vmlinux BTF without parsing all of it.
 */
function tracepointBtfId(tracepoint: string | undefined, program: string): number {
  if (!tracepoint) throw new Error(`Program '${program}': a tp_btf section needs a tracepoint name (tp_btf/<name>)`);
  const known = tracepointIds.get(tracepoint);
  if (known !== undefined) return known;
  let vmlinux: Uint8Array;
  try {
    vmlinux = readFileBytes(VMLINUX_BTF);
  } catch (error) {
    throw new Error(`Program '${program}' (tp_btf/${tracepoint}) needs the kernel's BTF, and ${VMLINUX_BTF} ` +
      `cannot be read: ${(error as Error).message}`);
  }
  const id = findTypeId(vmlinux, `btf_trace_${tracepoint}`, "TYPEDEF");
  if (id === undefined) {
    throw new Error(`Program '${program}': this kernel has no BTF tracepoint '${tracepoint}' (no ` +
      `btf_trace_${tracepoint} in ${VMLINUX_BTF}); names are without the group: 'sys_exit', 'sched_switch'`);
  }
  tracepointIds.set(tracepoint, id);
  return id;
}

/** Loads the object's BTF; on refusal, warns and goes on without it (no types, no lines). */
function loadObjectBtf(spec: BpfObjectSpec, warn: (w: string) => void): number {
  const sys = backend();
  const raw = toNative(spec.btf!);
  const log = sys.alloc(64 * 1024);
  try {
    const fd = btfLoad(raw.address, spec.btf!.length, log.address, 64 * 1024, 1);
    if (fd >= 0) return fd;
    if (fd === -1) throw new SyscallError(`Cannot load BTF of '${spec.name}'`, 1);
    const text = new TextDecoder().decode(log.bytes.subarray(0, log.bytes.indexOf(0)));
    warn(`the kernel refused the object's BTF (${text.trim().split("\n").pop()}); loading ` +
      "without types and source lines");
    return -1;
  } finally {
    sys.free(raw);
    sys.free(log);
  }
}
