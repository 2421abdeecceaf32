/**
 * The `tsbpf http` command as a person runs it: selection by port, one JSON object per request
 * with --output json, request histograms on a Prometheus endpoint, a clean exit at --duration.
 */
import { expect } from "bun:test";
import { spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { withTool } from "../support/gates.ts";
import { curl, startServer } from "./http_harness.ts";

const TSBPF = join(import.meta.dir, "..", "..", "runtime", "bin", "tsbpf");

/** Starts `tsbpf http args` and resolves once it traces (or has exited); stdout is collected. */
async function startHttpCli(args: string[], env: Record<string, string> = {}) {
  const cli = spawn(TSBPF, ["http", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  const output = { out: "", err: "" };
  cli.stdout!.on("data", (d: Buffer) => { output.out += d.toString(); });
  const ready = new Promise<void>((resolve) => {
    cli.stderr!.on("data", (d: Buffer) => {
      output.err += d.toString();
      if (output.err.includes("tracing HTTP")) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => cli.on("exit", resolve));
  await Promise.race([ready, exited]);
  return { output, exited };
}

withTool("curl")("tsbpf http --port prints one JSON line per request of that server", async () => {
  const node = await startServer("node", [join(import.meta.dir, "fixtures", "node_server.mjs")]);
  const other = await startServer("node", [join(import.meta.dir, "fixtures", "node_server.mjs")]);
  try {
    const { output, exited } = await startHttpCli(["--output", "json", "--duration", "6", "--port", String(node.port)]);
    expect(output.err).toContain("tracing HTTP for 6 s");
    await curl([`http://127.0.0.1:${node.port}/orders/42?password=x`, `http://127.0.0.1:${other.port}/not/selected`,
      `http://127.0.0.1:${node.port}/status/503`]);
    expect(await exited).toBe(0);
    const lines = output.out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
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

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

withTool("curl")("tsbpf http --prometheus serves the request histograms it aggregates", async () => {
  const node = await startServer("node", [join(import.meta.dir, "fixtures", "node_server.mjs")]);
  const metricsPort = await freePort();
  try {
    const { output, exited } = await startHttpCli(["--duration", "8", "--port", String(node.port),
      "--prometheus", `127.0.0.1:${metricsPort}`], { OTEL_TRACES_EXPORTER: "none" });
    expect(output.err).toContain("tracing HTTP for 8 s");
    await curl([`http://127.0.0.1:${node.port}/orders/42`, `http://127.0.0.1:${node.port}/orders/43`,
      `http://127.0.0.1:${node.port}/status/503`]);
    await Bun.sleep(500); // the agent drains its ring buffer
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(await exited).toBe(0);
    const counts = (side: string) => {
      const out: Record<string, number> = {};
      for (const m of text.matchAll(new RegExp(`^http_${side}_request_duration(?:_seconds)?_count\\{([^}]*)\\} (\\S+)$`, "gm"))) {
        const labels = m[1]!;
        const route = /http_route="([^"]*)"/.exec(labels)?.[1];
        const status = /http_response_status_code="([^"]*)"/.exec(labels)?.[1];
        out[`${route} ${status}`] = (out[`${route} ${status}`] ?? 0) + Number(m[2]);
      }
      return out;
    };
    expect(counts("server")).toEqual({ "/orders/* 200": 2, "/status/* 503": 1 });
    // curl is selected through the server's port too.
    expect(counts("client")).toEqual({ "/orders/* 200": 2, "/status/* 503": 1 });
    expect(text).toMatch(/^http_server_request_duration(_seconds)?_bucket\{[^}]*le="0.005"[^}]*\} \d+$/m);
  } finally {
    node.stop();
  }
}, 30_000);
