import { describe, expect, test } from "bun:test";
import { Helper, helperName, MAX_HELPER_ID } from "./helpers.ts";

describe("Helper", () => {
  test("numbers helpers as the kernel does", () => {
    expect(Helper.map_lookup_elem).toBe(1);
    expect(Helper.map_update_elem).toBe(2);
    expect(Helper.probe_read).toBe(4);
    expect(Helper.ktime_get_ns).toBe(5);
    expect(Helper.trace_printk).toBe(6);
    expect(Helper.get_current_pid_tgid).toBe(14);
    expect(Helper.perf_event_output).toBe(25);
    expect(Helper.probe_read_user).toBe(112);
    expect(Helper.ringbuf_output).toBe(130);
    expect(Helper.ringbuf_reserve).toBe(131);
    expect(Helper.loop).toBe(181);
    expect(Helper.user_ringbuf_drain).toBe(209);
    expect(Helper.cgrp_storage_delete).toBe(211);
  });

  test("lists every id from 0 to 211 exactly once", () => {
    const ids = Object.values(Helper).sort((a, b) => a - b);
    expect(ids).toHaveLength(MAX_HELPER_ID + 1);
    expect(ids.every((id, i) => id === i)).toBe(true);
  });
});

describe("helperName()", () => {
  test("gives the name the verifier log prints, with the bpf_ prefix", () => {
    expect(helperName(1)).toBe("bpf_map_lookup_elem");
    expect(helperName(130)).toBe("bpf_ringbuf_output");
    expect(helperName(211)).toBe("bpf_cgrp_storage_delete");
    expect(helperName(0)).toBe("bpf_unspec");
  });

  test("gives undefined for ids the kernel does not know", () => {
    expect(helperName(212)).toBeUndefined();
    expect(helperName(-1)).toBeUndefined();
    expect(helperName(1.5)).toBeUndefined();
  });
});
