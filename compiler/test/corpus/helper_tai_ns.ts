/** taiNs() is wall-clock time (TAI): after 2020-01-01 (1577836800 s since the epoch). */
import { taiNs, test } from "@ts-bpf/probes";

// expect: 1
test("after 2020", () => taiNs() > 1577836800000000000n ? 1 : 0);
