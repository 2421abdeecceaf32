/**
 * Map types (`enum bpf_map_type` of include/uapi/linux/bpf.h), the `map_type` of
 * BPF_MAP_CREATE. Keys drop the `BPF_MAP_TYPE_` prefix. Comments give the kernel that added
 * each type; whether the running kernel has it is a feature probe's question.
 */
import { enumNames } from "./enum_names.ts";

/** Map types: `MapType.RINGBUF === 27`. */
export const MapType = {
  UNSPEC: 0,
  HASH: 1, // 3.19
  ARRAY: 2, // 3.19
  PROG_ARRAY: 3, // 4.2
  PERF_EVENT_ARRAY: 4, // 4.3
  PERCPU_HASH: 5, // 4.6
  PERCPU_ARRAY: 6, // 4.6
  STACK_TRACE: 7, // 4.6
  CGROUP_ARRAY: 8, // 4.8
  LRU_HASH: 9, // 4.10
  LRU_PERCPU_HASH: 10, // 4.10
  LPM_TRIE: 11, // 4.11
  ARRAY_OF_MAPS: 12, // 4.12
  HASH_OF_MAPS: 13, // 4.12
  DEVMAP: 14, // 4.14
  SOCKMAP: 15, // 4.14
  CPUMAP: 16, // 4.15
  XSKMAP: 17, // 4.18
  SOCKHASH: 18, // 4.18
  /** Deprecated upstream in favour of CGRP_STORAGE (6.2). */
  CGROUP_STORAGE: 19, // 4.19
  REUSEPORT_SOCKARRAY: 20, // 4.19
  /** Deprecated upstream in favour of CGRP_STORAGE with per-cpu kptrs. */
  PERCPU_CGROUP_STORAGE: 21, // 4.20
  QUEUE: 22, // 4.20
  STACK: 23, // 4.20
  SK_STORAGE: 24, // 5.2
  DEVMAP_HASH: 25, // 5.4
  STRUCT_OPS: 26, // 5.6
  RINGBUF: 27, // 5.8
  INODE_STORAGE: 28, // 5.10
  TASK_STORAGE: 29, // 5.11
  BLOOM_FILTER: 30, // 5.16
  USER_RINGBUF: 31, // 6.1
  CGRP_STORAGE: 32, // 6.2
  ARENA: 33, // 6.9
  /** Instruction array for indirect jumps; newer than 6.18. */
  INSN_ARRAY: 34, // 6.19
} as const;
export type MapType = (typeof MapType)[keyof typeof MapType];

/** The `MapType` key of a number (`"RINGBUF"` for 27), or undefined for an unknown type. */
export const mapTypeName: (value: number) => string | undefined = enumNames(MapType);
