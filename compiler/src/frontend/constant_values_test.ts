/**
 * Options and top-level constants written as integer arithmetic reach the artifact with their
 * value (a `{ bytes: 1 << 20 }` ring buffer used to fall back to the 256 KiB default).
 */
import { expect, test } from "bun:test";
import { compile } from "../../mod.ts";

function compileProbe(body: string) {
  const source = `import { HashMap, profile, RingBuf, test, type u32 } from "@ts-bpf/probes";\n${body}`;
  const result = compile({ file: "probe.ts", source });
  if (!result.artifact) throw new Error(result.rendered());
  return result.artifact;
}

test("map options fold shifts, products, sums and earlier top-level constants", () => {
  const artifact = compileProbe(`
interface E { pid: u32 }
const KB = 1024;
const PAGES = (1 << 4) + 0x10 - 16;
const events = new RingBuf<E>({ bytes: 1 << 20 });
const small = new RingBuf<E>({ bytes: PAGES * 4 * KB });
const m = new HashMap<u32, u32>({ entries: 2 ** 10 | 1 });
test("t", () => 0);
`);
  const entries = Object.fromEntries(artifact.maps.map((m) => [m.name, m.maxEntries]));
  expect(entries.events).toBe(1 << 20);
  expect(entries.small).toBe(16 * 4 * 1024);
  expect(entries.m).toBe(1025);
});

test("a top-level const computed from literals is a constant handlers can use", () => {
  const artifact = compileProbe(`
const LIMIT = 4 * 1024 - 1;
test("t", () => { return LIMIT; });
`);
  expect(artifact.programs).toHaveLength(1);
});

test("attach options fold too", () => {
  const artifact = compileProbe(`
const BASE = 33;
profile({ hz: BASE * 3 }, () => {});
`);
  expect(artifact.programs[0]!.attach.hz).toBe(99);
});
