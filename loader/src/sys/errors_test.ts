/**
 * Error paths of the syscall layer, driven by the fake backend: what a person reads when the
 * kernel says no. (Kernel behaviour itself is tested on the real kernel elsewhere.)
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { BpfMap } from "../maps/bpf_map.ts";
import { MapType, ProgType } from "../asm/mod.ts";
import { loadProgram } from "../programs/program.ts";
import { VerifierError } from "../programs/verifier_error.ts";
import type { SyscallBackend } from "./backend.ts";
import { BpfCmd } from "./bpf_cmd.ts";
import { EAGAIN, ENOENT, ENOSPC, EPERM } from "./errno.ts";
import { SyscallError } from "./errors.ts";
import { FakeBackend } from "./ffi/fake.ts";
import { readFileText } from "./files.ts";
import { ProgLoadAttr } from "./layouts.generated.ts";
import { SYS } from "./numbers.ts";
import { setBackend } from "./select_backend.ts";

const RETURN_ZERO = new Uint8Array([0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0]);
const spec = { name: "counts", type: MapType.HASH, keySize: 4, valueSize: 8, maxEntries: 16 };

let fake: FakeBackend;
let real: SyscallBackend | undefined;
function useFake(): FakeBackend {
  fake = new FakeBackend();
  const previous = setBackend(fake);
  real ??= previous;
  return fake;
}
beforeAll(() => { useFake(); });
afterAll(() => { if (real) setBackend(real); });

describe("syscall errors", () => {
  test("EPERM on map create says which map and what privileges are needed", () => {
    useFake().onBpf(BpfCmd.MAP_CREATE, () => -EPERM);
    let error: unknown;
    try {
      BpfMap.create(spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyscallError);
    expect((error as SyscallError).errnoName).toBe("EPERM");
    expect((error as Error).message).toBe("Cannot create map 'counts' (hash, key 4 B, value 8 B, " +
      "16 entries): operation not permitted [EPERM] (hint: run as root, or grant CAP_BPF and " +
      "CAP_PERFMON (plus CAP_NET_ADMIN for XDP, tc and socket programs); also check " +
      "kernel.unprivileged_bpf_disabled and lockdown)");
  });

  test("EAGAIN from the kernel is retried", () => {
    useFake().onBpf(BpfCmd.MAP_CREATE, (_attr, n) => (n < 2 ? -EAGAIN : 7));
    const map = BpfMap.create(spec);
    expect(map.fd).toBe(7);
    expect(fake.bpfCalls.length).toBe(3);
    map.close();
  });

  test("the map name reaches the kernel sanitized and cut to 15 bytes", () => {
    useFake().onBpf(BpfCmd.MAP_CREATE, () => 3);
    BpfMap.create({ ...spec, name: "a-very-long-map-name!" }).close();
    const attr = new Uint8Array(fake.bpfCalls[0]!.attr.buffer);
    expect(new TextDecoder().decode(attr.subarray(28, 28 + 15))).toBe("a_very_long_map");
    expect(attr[28 + 15]).toBe(0);
  });

  test("a lookup of an absent key is undefined, not an error", () => {
    useFake().onBpf(BpfCmd.MAP_CREATE, () => 3).onBpf(BpfCmd.MAP_LOOKUP_ELEM, () => -ENOENT);
    using map = BpfMap.create(spec);
    expect(map.lookup(new Uint8Array(4))).toBeUndefined();
  });

  test("a key of the wrong size is refused before the kernel is asked", () => {
    useFake().onBpf(BpfCmd.MAP_CREATE, () => 3);
    using map = BpfMap.create(spec);
    expect(() => map.lookup(new Uint8Array(3))).toThrow("Map 'counts' has 4-byte keys, got 3 bytes");
    expect(fake.bpfCalls.length).toBe(1);
  });

  test("a full map says so, with the size to raise", () => {
    useFake().onBpf(BpfCmd.MAP_CREATE, () => 3).onBpf(BpfCmd.MAP_UPDATE_ELEM, () => -7);
    using map = BpfMap.create(spec);
    expect(() => map.update(new Uint8Array(4), new Uint8Array(8)))
      .toThrow("the map is full (16 entries)");
  });

  test("the verifier log buffer grows until the log fits", () => {
    const sizes: number[] = [];
    useFake().onBpf(BpfCmd.PROG_LOAD, (attr) => {
      const size = attr.getUint32(ProgLoadAttr.log_size, true);
      sizes.push(size);
      if (size === 0) return -22;
      if (size < 1024 * 1024) return -ENOSPC;
      const log = fake.memoryAt(Number(attr.getBigUint64(ProgLoadAttr.log_buf, true)), 64);
      log.set(new TextEncoder().encode("0: (95) exit\nR0 !read_ok\n"));
      return -13;
    });
    let error: unknown;
    try {
      loadProgram({ name: "p", type: ProgType.TRACEPOINT, instructions: RETURN_ZERO });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VerifierError);
    expect(sizes).toEqual([0, 256 * 1024, 1024 * 1024]);
    expect((error as VerifierError).failedInsn).toBe(0);
    expect((error as Error).message).toContain("R0 !read_ok");
  });

  test("a kernel file that cannot be opened names the path", () => {
    useFake().onSyscall(SYS.openat, () => -ENOENT);
    expect(() => readFileText("/sys/nowhere")).toThrow("open /sys/nowhere failed: no such file " +
      "or entry [ENOENT]");
  });

  test("EPERM on program load is not mistaken for a verifier rejection", () => {
    useFake().onBpf(BpfCmd.PROG_LOAD, () => -EPERM);
    expect(() => loadProgram({ name: "p", type: ProgType.TRACEPOINT, instructions: RETURN_ZERO }))
      .toThrow("Cannot load program 'p' (tracepoint): operation not permitted [EPERM]");
  });
});
