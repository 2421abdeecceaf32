import { expect, test } from "bun:test";
import { LinkType, linkTypeName } from "./link_type.ts";

test("LinkType numbers link types as linux/bpf.h does", () => {
  expect(LinkType.RAW_TRACEPOINT).toBe(1);
  expect(LinkType.PERF_EVENT).toBe(7);
  expect(LinkType.KPROBE_MULTI).toBe(8);
  expect(LinkType.TCX).toBe(11);
  expect(LinkType.UPROBE_MULTI).toBe(12);
  expect(LinkType.NETKIT).toBe(13);
});

test("LinkType has one key per value, without gaps", () => {
  const values = Object.values(LinkType);
  expect(new Set(values).size).toBe(values.length);
  expect(Math.max(...values)).toBe(values.length - 1);
});

test("linkTypeName() names a link type number", () => {
  expect(linkTypeName(11)).toBe("TCX");
  expect(linkTypeName(99)).toBeUndefined();
});
