import { describe, expect, test } from "bun:test";
import { lookupLdSoCache, parseLdSoCache } from "./ld_so_cache.ts";
import { pathExists } from "../sys/files.ts";

/** Builds a cache in the new format with the given entries (flags, name, path). */
function cacheBytes(entries: [number, string, string][], oldCount?: number): Uint8Array {
  const encoder = new TextEncoder();
  const base = oldCount === undefined ? 0 : (16 + oldCount * 12 + 7) & ~7;
  const tableEnd = base + 48 + entries.length * 24;
  const strings: number[] = [];
  const offsetOf = (s: string) => {
    const at = tableEnd - base + strings.length;
    strings.push(...encoder.encode(s), 0);
    return at;
  };
  const bytes = new Uint8Array(tableEnd + 4096);
  const view = new DataView(bytes.buffer);
  if (oldCount !== undefined) {
    bytes.set(encoder.encode("ld.so-1.7.0"), 0);
    view.setUint32(12, oldCount, true);
  }
  bytes.set(encoder.encode("glibc-ld.so.cache1.1"), base);
  view.setUint32(base + 20, entries.length, true);
  entries.forEach(([flags, name, path], i) => {
    const at = base + 48 + i * 24;
    view.setInt32(at, flags, true);
    view.setUint32(at + 4, offsetOf(name), true);
    view.setUint32(at + 8, offsetOf(path), true);
  });
  bytes.set(strings, tableEnd);
  return bytes.subarray(0, tableEnd + strings.length);
}

describe("parseLdSoCache()", () => {
  test("reads x86-64 entries and skips other ABIs", () => {
    const entries = parseLdSoCache(cacheBytes([
      [0x0303, "libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"],
      [0x0803, "libc.so.6", "/lib/i386-linux-gnu/libc.so.6"],
      [0x0301, "libz.so.1", "/usr/lib/libz.so.1"],
    ]));
    expect(entries).toEqual([
      { name: "libc.so.6", path: "/lib/x86_64-linux-gnu/libc.so.6", flags: 0x0303 },
      { name: "libz.so.1", path: "/usr/lib/libz.so.1", flags: 0x0301 },
    ]);
  });

  test("finds the new table after an old-format one", () => {
    const entries = parseLdSoCache(cacheBytes([[0x0303, "libm.so.6", "/lib/libm.so.6"]], 3));
    expect(entries).toEqual([{ name: "libm.so.6", path: "/lib/libm.so.6", flags: 0x0303 }]);
  });

  test("returns nothing for bytes in no known format", () => {
    expect(parseLdSoCache(new TextEncoder().encode("not a cache at all, just some text here " +
      "that is long enough"))).toEqual([]);
    expect(parseLdSoCache(new Uint8Array(0))).toEqual([]);
  });
});

describe("lookupLdSoCache()", () => {
  test("finds libc in this machine's cache", () => {
    const path = lookupLdSoCache("libc.so.6");
    expect(path).toMatch(/\/libc\.so\.6$/);
    expect(pathExists(path!)).toBe(true);
  });

  test("returns undefined for a name the cache lacks or a cache that is missing", () => {
    expect(lookupLdSoCache("libtsbpf-nothing.so.1")).toBeUndefined();
    expect(lookupLdSoCache("libc.so.6", "/nonexistent/ld.so.cache")).toBeUndefined();
  });
});
