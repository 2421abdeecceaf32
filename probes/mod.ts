/**
 * @ts-bpf/probes — what a probe file imports: integer types, maps, aggregations, helpers and
 * attach declarations, with doc comments editors show. A probe is an ordinary TypeScript
 * module: handlers passed to attach declarations are compiled to eBPF; the rest runs in
 * userspace with the maps bound to the live kernel maps. docs/language.md describes the DSL.
 */
export * from "./src/integers.ts";
export * from "./src/maps.ts";
export * from "./src/aggregations.ts";
export * from "./src/helpers.ts";
export * from "./src/attach.ts";
export type {
  BlockRequest, CommonFields, GenericContext, SchedWakeup, SyscallExit, TracepointContext, Tracepoints,
} from "./src/tracepoints.ts";
export { FUNCTION_LATENCY_PROBE } from "./src/latency/probe_path.ts";
export { BIND, type Binder, DeclaredMap, type MapBinding, setBinder } from "./src/binding.ts";
