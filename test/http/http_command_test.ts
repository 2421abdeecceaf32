/**
 * The `tsbpf http` command as a person runs it: selection by port, one JSON object per request
 * with --output json, a clean exit at --duration.
 */
import { expect } from "bun:test";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { withTool } from "../support/gates.ts";
import { curl, startServer } from "./http_harness.ts";

const TSBPF = join(import.meta.dir, "..", "..", "runtime", "bin", "tsbpf");

withTool("curl")("tsbpf http --port prints one JSON line per request of that server", async () => {
  const node = await startServer("node", [join(import.meta.dir, "fixtures", "node_server.mjs")]);
  const other = await startServer("node", [join(import.meta.dir, "fixtures", "node_server.mjs")]);
  try {
    const cli = spawn(TSBPF, ["http", "--output", "json", "--duration", "6", "--port", String(node.port)],
      { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    cli.stdout!.on("data", (d: Buffer) => { out += d.toString(); });
    const ready = new Promise<void>((resolve) => {
      cli.stderr!.on("data", (d: Buffer) => {
        err += d.toString();
        if (err.includes("tracing HTTP")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => cli.on("exit", resolve));
    await Promise.race([ready, exited]);
    expect(err).toContain("tracing HTTP for 6 s");
    await curl([`http://127.0.0.1:${node.port}/orders/42?password=x`, `http://127.0.0.1:${other.port}/not/selected`,
      `http://127.0.0.1:${node.port}/status/503`]);
    expect(await exited).toBe(0);
    const lines = out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const server = lines.filter((l) => l.kind === "server");
    expect(server.map((l) => `${l.name} ${l.status} ${l.error}`)).toEqual(["GET /orders/* 200 false", "GET /status/* 503 true"]);
    // curl is selected through the server's port too: its client side of the same requests.
    const client = lines.filter((l) => l.kind === "client");
    expect(client.map((l) => l.path)).toEqual(["/orders/42", "/status/503"]);
    expect(lines.some((l) => l.path === "/not/selected")).toBe(false);
  } finally {
    node.stop();
    other.stop();
  }
}, 30_000);
