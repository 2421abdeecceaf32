/**
 * Where the ready-made function-latency probe's source is, for the runtime to compile it
 * (`tsbpf latency`). A file URL, so this module needs nothing runtime-specific.
 */

/** The file URL of function_latency.ts, the probe behind `tsbpf latency`. */
export const FUNCTION_LATENCY_PROBE: string = new URL("./function_latency.ts", import.meta.url).href;
