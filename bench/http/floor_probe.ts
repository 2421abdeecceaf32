/**
 * The floor of syscall capture: one empty program on the `sys_exit` tracepoint (BTF-typed), where
 * probes/http/http_capture.ts attaches. Enabling it puts every syscall of every process on the
 * kernel's syscall-tracing path and runs a BPF program on each, whatever the program does;
 * bench/http measures nginx with it to show how much of the agent's overhead is this price of
 * seeing syscalls at all.
 */
import { rawTracepoint } from "@ts-bpf/probes";

rawTracepoint("sys_exit", () => {}, { btf: true });
