/**
 * JavaScript's own library (Math, console, Date, JSON, …) as kernel code meets it: none of it
 * runs in the kernel, and the diagnostic names what to use instead. Only the wording lives
 * here; callers decide where the error points.
 */

const HINTS: Readonly<Record<string, string>> = {
  Math: "write it with integer operators (a > b ? a : b) or a function declared in the probe",
  console: "for debug output use printk() from @ts-bpf/probes; to send data to userspace, " +
    "emit a record to a RingBuf",
  Date: "for time use ktimeNs() (monotonic) or taiNs() (wall clock) from @ts-bpf/probes",
  performance: "for time use ktimeNs() from @ts-bpf/probes",
  JSON: "kernel data is fixed-layout structs; the runtime decodes records in userspace",
  Number: "kernel numbers are fixed-width integers: convert with u32(…), i64(…), …",
  BigInt: "kernel numbers are fixed-width integers: convert with u64(…) or i64(…)",
  parseInt: "parse in userspace, or pass the number in through a map",
  parseFloat: "the kernel has no floating point; scale values to integers in userspace",
  String: "strings in the kernel are fixed-size str<N> fields",
  Object: "kernel values are integers and structs; read struct fields by name",
  Array: "use a fixed-size Arr<T, N>",
  Promise: "kernel handlers run to completion; there is nothing to await",
  setTimeout: "timers run in userspace: use interval() at the top level of the probe",
  setInterval: "timers run in userspace: use interval() at the top level of the probe",
  process: "the current task is pid(), tid(), uid(), comm() … from @ts-bpf/probes",
  crypto: "for random numbers use random() from @ts-bpf/probes",
};

/** The hint for a JavaScript global used in kernel code, or undefined if `name` is not one. */
export function javascriptGlobalHint(name: string): string | undefined {
  return Object.hasOwn(HINTS, name) ? HINTS[name] : undefined;
}
