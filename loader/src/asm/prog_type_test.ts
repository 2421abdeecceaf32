import { expect, test } from "bun:test";
import { ProgType, progTypeName } from "./prog_type.ts";

test("ProgType numbers program types as linux/bpf.h does", () => {
  expect(ProgType.SOCKET_FILTER).toBe(1);
  expect(ProgType.KPROBE).toBe(2);
  expect(ProgType.SCHED_CLS).toBe(3);
  expect(ProgType.TRACEPOINT).toBe(5);
  expect(ProgType.XDP).toBe(6);
  expect(ProgType.PERF_EVENT).toBe(7);
  expect(ProgType.RAW_TRACEPOINT).toBe(17);
  expect(ProgType.TRACING).toBe(26);
  expect(ProgType.LSM).toBe(29);
  expect(ProgType.SYSCALL).toBe(31);
  expect(ProgType.NETFILTER).toBe(32);
});

test("ProgType has one key per value, without gaps", () => {
  const values = Object.values(ProgType);
  expect(new Set(values).size).toBe(values.length);
  expect(Math.max(...values)).toBe(values.length - 1);
});

test("progTypeName() names a program type number", () => {
  expect(progTypeName(6)).toBe("XDP");
  expect(progTypeName(1000)).toBeUndefined();
});
