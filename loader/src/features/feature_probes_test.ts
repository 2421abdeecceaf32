/**
 * The feature probes against the running kernel: everything tsbpf relies on is present on the
 * kernels CI runs (6.18), and things that cannot exist are reported absent.
 */
import { describe, expect } from "bun:test";
import { Helper, MapType, ProgType } from "../asm/mod.ts";
import { kernelTest } from "../../../test/support/gates.ts";
import { kernelAtLeast } from "../kernel/facts.ts";
import { haveHelper, haveMapType, haveProgramType } from "./feature_probes.ts";

describe("feature probes on the running kernel", () => {
  kernelTest("the map types the loader supports exist (kernel 5.8+)", () => {
    expect(kernelAtLeast(5, 8)).toBe(true);
    for (const type of [MapType.HASH, MapType.ARRAY, MapType.PERCPU_HASH, MapType.PERCPU_ARRAY,
      MapType.LRU_HASH, MapType.LRU_PERCPU_HASH, MapType.RINGBUF, MapType.PERF_EVENT_ARRAY,
      MapType.STACK_TRACE]) {
      expect(haveMapType(type)).toBe(true);
    }
  });

  kernelTest("a map type number the kernel does not know is absent", () => {
    expect(haveMapType(9999)).toBe(false);
  });

  kernelTest("the program types tsbpf attaches exist", () => {
    for (const type of [ProgType.TRACEPOINT, ProgType.RAW_TRACEPOINT, ProgType.KPROBE,
      ProgType.PERF_EVENT, ProgType.XDP, ProgType.SCHED_CLS, ProgType.SOCKET_FILTER,
      ProgType.SYSCALL]) {
      expect(haveProgramType(type)).toBe(true);
    }
    expect(haveProgramType(9999)).toBe(false);
  });

  kernelTest("helpers are told apart by program type", () => {
    expect(haveHelper(ProgType.TRACEPOINT, Helper.ringbuf_output)).toBe(true);
    expect(haveHelper(ProgType.TRACEPOINT, Helper.get_current_pid_tgid)).toBe(true);
    // Packet helpers are not for tracing programs.
    expect(haveHelper(ProgType.TRACEPOINT, Helper.skb_store_bytes)).toBe(false);
    expect(haveHelper(ProgType.XDP, Helper.xdp_adjust_head)).toBe(true);
  });

  kernelTest("a type that needs an attach target is refused with an explanation", () => {
    expect(() => haveProgramType(ProgType.TRACING)).toThrow("needs an attach target");
  });
});
