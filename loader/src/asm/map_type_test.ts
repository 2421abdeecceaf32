import { expect, test } from "bun:test";
import { MapType, mapTypeName } from "./map_type.ts";

test("MapType numbers map types as linux/bpf.h does", () => {
  expect(MapType.HASH).toBe(1);
  expect(MapType.ARRAY).toBe(2);
  expect(MapType.PERF_EVENT_ARRAY).toBe(4);
  expect(MapType.PERCPU_ARRAY).toBe(6);
  expect(MapType.LRU_HASH).toBe(9);
  expect(MapType.CGROUP_STORAGE).toBe(19);
  expect(MapType.RINGBUF).toBe(27);
  expect(MapType.USER_RINGBUF).toBe(31);
  expect(MapType.CGRP_STORAGE).toBe(32);
  expect(MapType.ARENA).toBe(33);
});

test("MapType has one key per value, without gaps", () => {
  const values = Object.values(MapType);
  expect(new Set(values).size).toBe(values.length);
  expect(Math.max(...values)).toBe(values.length - 1);
});

test("mapTypeName() names a map type number", () => {
  expect(mapTypeName(27)).toBe("RINGBUF");
  expect(mapTypeName(-1)).toBeUndefined();
});
