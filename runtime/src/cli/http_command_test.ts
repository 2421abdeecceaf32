import { describe, expect, test } from "bun:test";
import { parseArgs } from "./args.ts";
import { httpSelection, summaryLine } from "./http_command.ts";

const args = (...argv: string[]) => parseArgs(["http", ...argv], new Set());

describe("tsbpf http's selection", () => {
  test("reads comma lists and port ranges from the flags", () => {
    expect(httpSelection(args("--pid", "10,20", "--exe", "*nginx*,python3*", "--port", "80,8000-8002"), {}))
      .toEqual({ pids: [10, 20], exes: ["*nginx*", "python3*"], ports: [80, 8000, 8001, 8002] });
  });

  test("takes OBI's variables when a flag is missing", () => {
    expect(httpSelection(args("--pid", "7"), { OTEL_EBPF_OPEN_PORT: "443", OTEL_EBPF_TARGET_PID: "9" }))
      .toEqual({ pids: [7], exes: undefined, ports: [443] });
  });

  test("refuses what is not a number or range", () => {
    expect(() => httpSelection(args("--port", "http"), {})).toThrow("--port takes numbers and ranges");
  });
});

test("summaryLine() says kind, service, span name, status and duration", () => {
  expect(summaryLine({
    kind: "server", service: "api", pid: 42, name: "GET /users/*", method: "GET", path: "/users/7", route: "/users/*",
    status: 503, error: true, startNs: 1_000_000n, endNs: 3_500_000n, requestBytes: 80, responseBytes: 120,
    traceId: "t", spanId: "s",
  })).toBe("SERVER api[42] GET /users/* 503 ERROR 2.500 ms GET /users/7 trace=t span=s");
});
