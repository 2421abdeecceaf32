import { expect, test } from "bun:test";
import { AttachType, attachTypeName } from "./attach_type.ts";

test("AttachType numbers attach types as linux/bpf.h does", () => {
  expect(AttachType.CGROUP_INET_INGRESS).toBe(0);
  expect(AttachType.TRACE_FENTRY).toBe(24);
  expect(AttachType.XDP).toBe(37);
  expect(AttachType.PERF_EVENT).toBe(41);
  expect(AttachType.TRACE_KPROBE_MULTI).toBe(42);
  expect(AttachType.TCX_INGRESS).toBe(46);
  expect(AttachType.TCX_EGRESS).toBe(47);
  expect(AttachType.TRACE_UPROBE_MULTI).toBe(48);
  expect(AttachType.NETKIT_PRIMARY).toBe(54);
  expect(AttachType.NETKIT_PEER).toBe(55);
  expect(AttachType.TRACE_UPROBE_SESSION).toBe(57);
});

test("AttachType has one key per value, without gaps", () => {
  const values = Object.values(AttachType);
  expect(new Set(values).size).toBe(values.length);
  expect(Math.max(...values)).toBe(values.length - 1);
});

test("attachTypeName() names an attach type number", () => {
  expect(attachTypeName(46)).toBe("TCX_INGRESS");
  expect(attachTypeName(500)).toBeUndefined();
});
