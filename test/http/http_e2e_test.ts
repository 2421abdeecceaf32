/**
 * End to end: `tsbpf http`'s monitor attached to the real kernel, with real servers (Python's
 * http.server, Node, Bun, nginx) and clients (curl, wrk, servers calling servers) on loopback.
 * Every request a test makes must show up exactly once as a span with its method, path and
 * status, and a duration within what the client measured.
 */
import { afterAll, beforeAll, describe, expect } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { kernelTest, withTool } from "../support/gates.ts";
import { decodeValue } from "@ts-bpf/runtime";
import { curl, type Server, startServer, TestMonitor } from "./http_harness.ts";

const FIXTURES = join(import.meta.dir, "fixtures");
const BUN = process.execPath;
const withCurl = withTool("curl");
const withNginx = withTool("nginx", "curl");
const withWrk = withTool("wrk");
const running = process.getuid?.() === 0;

let t: TestMonitor;
const servers: Server[] = [];

async function server(command: string, args: string[], env?: Record<string, string>): Promise<Server> {
  const s = await startServer(command, args, env);
  servers.push(s);
  return s;
}

beforeAll(async () => {
  if (running) t = await new TestMonitor().start();
});

afterAll(async () => {
  for (const s of servers) {
    try {
      s.stop();
    } catch {
      // Already gone.
    }
  }
  await t?.close();
});

describe("tsbpf http on real servers", () => {
  withCurl("python3 -m http.server: each request is one server span with its status and timing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "www-"));
    writeFileSync(join(dir, "index.html"), "<p>hello</p>\n");
    const py = await server("python3", ["-u", "-c", `
import http.server, functools, json, socketserver
h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=${JSON.stringify(dir)})
h.log_message = lambda *a: None
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
print(json.dumps({"port": s.server_address[1]}), flush=True)
s.serve_forever()`]);
    const base = `http://127.0.0.1:${py.port}`;
    const urls = [`${base}/index.html`, `${base}/missing/12345`, `${base}/index.html?token=s3cret&x=1`];
    const run = await curl(urls);
    expect(run.results.map((r) => r.status)).toEqual([200, 404, 200]);
    expect(await t.until(() => t.of(py.pid, "server").length >= 3)).toBe(true);
    await Bun.sleep(200); // nothing more may come
    const spans = t.of(py.pid, "server");
    expect(spans.map((x) => `${x.method} ${x.path} ${x.status}`))
      .toEqual(["GET /index.html 200", "GET /missing/12345 404", "GET /index.html 200"]);
    expect(spans.map((x) => x.name)).toEqual(["GET /index.html", "GET /missing/*", "GET /index.html"]);
    spans.forEach((x, i) => {
      const took = Number(x.endNs - x.startNs);
      expect(took).toBeGreaterThan(0);
      expect(took).toBeLessThanOrEqual(run.results[i]!.totalNs + 1e6); // curl rounds to µs
      expect(x.serverPort).toBe(py.port);
      expect(x.clientAddress).toBe("127.0.0.1");
    });
    // curl's own side: three client spans, the 404 an error for a client.
    const client = t.of(run.pid, "client");
    expect(client.map((x) => `${x.path} ${x.status} ${x.error}`))
      .toEqual(["/index.html 200 false", "/missing/12345 404 true", "/index.html 200 false"]);
    // The exported span has OBI's attributes, the query scrubbed.
    const exported = await exportedSpan(spans[2]!.spanId);
    expect(exported.kind).toBe(SpanKind.SERVER);
    expect(exported.attributes["url.query"]).toBe("token=REDACTED&x=1");
    expect(exported.attributes["url.path"]).toBe("/index.html");
    expect(exported.attributes["http.route"]).toBe("/index.html");
    expect(exported.attributes["service.name"]).toMatch(/^python3/);
  });

  withCurl("1,000 keep-alive requests on one connection give 1,000 spans", async () => {
    const node = await server("node", [join(FIXTURES, "node_server.mjs")], { OTEL_SERVICE_NAME: "node-api" });
    const urls = Array.from({ length: 1000 }, (_, i) => `http://127.0.0.1:${node.port}/users/${i}`);
    const run = await curl(urls);
    expect(run.results.filter((r) => r.status === 200)).toHaveLength(1000);
    expect(run.results.reduce((n, r) => n + r.connects, 0)).toBe(1); // one connection
    expect(await t.until(() => t.of(node.pid, "server").length >= 1000, 10_000)).toBe(true);
    await Bun.sleep(200);
    const spans = t.of(node.pid, "server");
    expect(spans).toHaveLength(1000);
    expect(spans.every((x, i) => x.path === `/users/${i}` && x.status === 200 && x.name === "GET /users/*"))
      .toBe(true);
    expect(spans.every((x, i) => Number(x.endNs - x.startNs) <= run.results[i]!.totalNs + 1e6)).toBe(true);
    expect(new Set(spans.map((x) => x.service))).toEqual(new Set(["node-api"]));
    // The duration histogram, with OBI's name, unit, buckets and attributes, counted all of them.
    const collected = await t.reader.collect();
    const metric = collected.resourceMetrics.scopeMetrics.flatMap((s) => s.metrics)
      .find((m) => m.descriptor.name === "http.server.request.duration")!;
    expect(metric.descriptor.unit).toBe("s");
    // This server's points only: another run of these tests may share the machine.
    const points = metric.dataPoints.filter((p) => p.attributes["server.port"] === node.port);
    expect(points.map((p) => JSON.stringify(p.attributes))).toHaveLength(1);
    const point = points[0]! as unknown as { attributes: Record<string, unknown>; value: { count: number; buckets: { boundaries: number[] } } };
    expect(point.value.count).toBe(1000);
    expect(point.value.buckets.boundaries).toEqual([0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]);
    expect(point.attributes).toEqual({ "service.name": "node-api", "service.namespace": "",
      "http.request.method": "GET", "http.response.status_code": 200, "url.scheme": "http",
      "server.address": hostname(), "server.port": node.port, "http.route": "/users/*" });
  }, 60_000);

  withCurl("a 500 gives an ERROR server span, a 404 does not", async () => {
    const node = await server("node", [join(FIXTURES, "node_server.mjs")]);
    const base = `http://127.0.0.1:${node.port}`;
    await curl([`${base}/status/500`, `${base}/status/404`, `${base}/chunked`], ["-X", "GET"]);
    expect(await t.until(() => t.of(node.pid, "server").length >= 3)).toBe(true);
    const [e500, e404, chunked] = t.of(node.pid, "server");
    expect([e500!.status, e500!.error, e404!.status, e404!.error]).toEqual([500, true, 404, false]);
    expect(chunked!.status).toBe(200);
    // Node accepts with a NULL sockaddr: the peer comes from /proc.
    expect(e500!.clientAddress).toBe("127.0.0.1");
    const exported = await exportedSpan(e500!.spanId);
    expect(exported.status.code).toBe(SpanStatusCode.ERROR);
    expect(exported.name).toBe("GET /status/*");
  });

  withCurl("an IPv6 client of a Node server: its address comes from the kernel's socket", async () => {
    const node = await server("node", [join(FIXTURES, "node_server.mjs")], { HOST: "::1" });
    const run = await curl([`http://[::1]:${node.port}/v6`]);
    expect(run.results[0]!.status).toBe(200);
    expect(await t.until(() => t.of(node.pid, "server").length >= 1)).toBe(true);
    const [span] = t.of(node.pid, "server");
    expect([span!.path, span!.clientAddress, span!.serverPort]).toEqual(["/v6", "::1", node.port]);
  });

  withCurl("pipelined, split and 100-continue requests on a Node server", async () => {
    const node = await server("node", [join(FIXTURES, "node_server.mjs")]);
    const script = `
import socket, sys, time
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port), timeout=5)
# Three pipelined requests in one write, then a request split across three writes.
s.sendall(b"".join(b"GET /pipe/%d HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n" % i for i in range(3)))
got = b""
while got.count(b"HTTP/1.1 200") < 3:
    got += s.recv(65536)
for part in (b"GET /sp", b"lit HTTP/1.1\\r\\nHo", b"st: a\\r\\n\\r\\n"):
    s.sendall(part)
    time.sleep(0.05)
got = b""
while b"ok GET /split" not in got:
    got += s.recv(65536)
s.close()
`;
    const py = spawnSync("python3", ["-c", script, String(node.port)], { timeout: 20_000 });
    expect(py.status).toBe(0);
    // curl sends Expect: 100-continue for a body this large; Node answers 100, then 200.
    const body = join(mkdtempSync(join(tmpdir(), "body-")), "body");
    writeFileSync(body, "x".repeat(1_100_000));
    const run = await curl([`http://127.0.0.1:${node.port}/upload`], ["--data-binary", `@${body}`]);
    expect(run.results[0]!.status).toBe(200);
    expect(await t.until(() => t.of(node.pid, "server").length >= 5)).toBe(true);
    await Bun.sleep(200);
    expect(t.of(node.pid, "server").map((x) => `${x.method} ${x.path} ${x.status}`)).toEqual([
      "GET /pipe/0 200", "GET /pipe/1 200", "GET /pipe/2 200", "GET /split 200", "POST /upload 200"]);
    const upload = t.of(node.pid, "server")[4]!;
    expect(upload.requestBytes).toBeGreaterThan(1_100_000);
    expect(t.of(run.pid, "client").map((x) => x.status)).toEqual([200]);
  });

  withCurl("a server that calls another server gives a parent/child pair", async () => {
    const leaf = await server("node", [join(FIXTURES, "node_server.mjs")]);
    const front = await server("python3", ["-u", join(FIXTURES, "python_chain.py"), String(leaf.port)]);
    const run = await curl([`http://127.0.0.1:${front.port}/chain`]);
    expect(run.results[0]!.status).toBe(200);
    expect(await t.until(() => t.of(front.pid, "server").length >= 1 && t.of(leaf.pid, "server").length >= 1))
      .toBe(true);
    const parent = t.of(front.pid, "server")[0]!;
    const child = t.of(front.pid, "client");
    expect(child).toHaveLength(1);
    expect(child[0]!.path).toBe("/leaf");
    expect(child[0]!.parentSpanId).toBe(parent.spanId);
    expect(child[0]!.traceId).toBe(parent.traceId);
    expect(child[0]!.startNs).toBeGreaterThanOrEqual(parent.startNs);
    expect(child[0]!.endNs).toBeLessThanOrEqual(parent.endNs);
    expect(t.of(leaf.pid, "server").map((x) => x.path)).toEqual(["/leaf"]);
  });

  withCurl("a Bun server and a Node server calling it: Bun's spans, Node's child span", async () => {
    const bun = await server(BUN, [join(FIXTURES, "bun_server.ts")]);
    const node = await server("node", [join(FIXTURES, "node_server.mjs")]);
    await curl([`http://127.0.0.1:${bun.port}/hello`, `http://127.0.0.1:${node.port}/chain?port=${bun.port}`]);
    // Node's server span ends after its client call returns: wait for it too.
    expect(await t.until(() => t.of(bun.pid, "server").length >= 2 &&
      t.of(node.pid, "client").length >= 1 && t.of(node.pid, "server").length >= 1)).toBe(true);
    expect(t.of(bun.pid, "server").map((x) => `${x.path} ${x.status}`)).toEqual(["/hello 200", "/leaf 200"]);
    const parent = t.of(node.pid, "server")[0]!;
    expect(t.of(node.pid, "client")[0]!.parentSpanId).toBe(parent.spanId);
  });

  withNginx("nginx serving static files", async () => {
    const nginx = await startNginx();
    const base = `http://127.0.0.1:${nginx.port}`;
    const run = await curl([`${base}/index.html`, `${base}/nothing/here`, `${base}/index.html`]);
    expect(run.results.map((r) => r.status)).toEqual([200, 404, 200]);
    expect(await t.until(() => t.exchanges.filter((x) => x.kind === "server" && x.serverPort === nginx.port).length >= 3))
      .toBe(true);
    await Bun.sleep(200);
    const spans = t.exchanges.filter((x) => x.kind === "server" && x.serverPort === nginx.port);
    expect(spans.map((x) => `${x.path} ${x.status}`)).toEqual(["/index.html 200", "/nothing/here 404", "/index.html 200"]);
    expect(spans.every((x) => x.service === "nginx")).toBe(true);
  });

  withWrk("wrk on a Node server: every completed request is a server and a client span", async () => {
    // A server that takes about 2 ms per request keeps the rate (and the events) modest: this
    // test is about every request becoming a span; bench/http measures how much load the
    // agent survives, on a machine of its own.
    const node = await server("node", [join(FIXTURES, "node_server.mjs")]);
    // Asynchronously: the monitor consumes the ring buffer on this thread while wrk runs.
    const wrk = spawn("wrk", ["-t1", "-c2", "-d2s", `http://127.0.0.1:${node.port}/slow?ms=2`],
      { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    wrk.stdout!.on("data", (d: Buffer) => { out += d.toString(); });
    await new Promise((resolve) => wrk.on("exit", resolve));
    const done = Number(/(\d+) requests in/.exec(out)?.[1]);
    expect(done).toBeGreaterThan(100);
    const served = () => t.of(node.pid, "server").filter((x) => x.status === 200 && x.path === "/slow");
    const made = () => t.of(wrk.pid!, "client").filter((x) => x.status === 200 && x.path === "/slow");
    await t.until(() => served().length >= done && made().length >= done, 10_000);
    await Bun.sleep(300);
    // wrk counts what finished before its clock stopped; at most one more per connection ran.
    for (const spans of [served(), made()]) {
      expect(spans.length).toBeGreaterThanOrEqual(done);
      expect(spans.length).toBeLessThanOrEqual(done + 2);
    }
    expect(t.monitor!.session.stats().lost).toBe(0n);
  }, 60_000);
});

describe("tsbpf http with a selection", () => {
  kernelTest("a connection the selection leaves out is no longer followed by the kernel", async () => {
    const pythonServer = `
import http.server, json
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"ok")
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(json.dumps({"port": s.server_address[1]}), flush=True)
s.serve_forever()`;
    const wanted = await server("python3", ["-u", "-c", pythonServer]);
    const other = await server("python3", ["-u", "-c", pythonServer]);
    const selective = await new TestMonitor().start({ ports: [wanted.port] });
    try {
      // One keep-alive connection to each server, held open after two requests on each.
      const client = spawn("python3", ["-u", "-c", `
import http.client, sys, time
conns = [http.client.HTTPConnection("127.0.0.1", p) for p in (${wanted.port}, ${other.port})]
for c in conns:
    for _ in range(2):
        c.request("GET", "/hello"); c.getresponse().read()
print("held", flush=True)
time.sleep(10)`], { stdio: ["ignore", "pipe", "ignore"] });
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("the client did not finish its requests in 10 s")), 10_000);
          client.stdout!.on("data", (d: Buffer) => {
            if (d.toString().includes("held")) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        expect(await selective.until(() => selective.of(wanted.pid, "server").length >= 2)).toBe(true);
        await Bun.sleep(300); // the OPEN records of the other server's connection are handled by now
        expect(selective.of(other.pid).length).toBe(0);
        // The kernel's table of followed connections, while both connections are open: the
        // selected server's is there, the other server's and the client's connection to it
        // are gone (and the client's connection to the selected port stays).
        const conns = selective.monitor!.session.map("conns");
        const followed = conns.live.lookupAll().map(([k]) =>
          decodeValue(conns.artifact.key, k) as { pid: number; fd: number });
        expect(followed.some((c) => c.pid === wanted.pid)).toBe(true);
        expect(followed.some((c) => c.pid === other.pid)).toBe(false);
        expect(followed.filter((c) => c.pid === client.pid).length).toBe(1);
      } finally {
        client.kill("SIGKILL");
      }
    } finally {
      await selective.close();
    }
  }, 30_000);
});

describe("tsbpf http on malformed traffic", () => {
  kernelTest("random bytes, truncated heads, a 1 MB header line and other protocols give no span", async () => {
    const node = await server("node", [join(FIXTURES, "node_server.mjs")]);
    const script = `
import os, socket, sys
port = int(sys.argv[1])
def send(data, read=True):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        s.sendall(data)
        if read:
            try: s.recv(65536)
            except Exception: pass
    except Exception: pass
    s.close()
send(os.urandom(4096))
send(b"GET /trunc HTTP/1.1\\r\\nHost: a\\r\\nX-Half: ", read=False)
send(b"GET /big HTTP/1.1\\r\\nX-Big: " + b"a" * (1 << 20) + b"\\r\\n\\r\\n")
send(b"*1\\r\\n$4\\r\\nPING\\r\\n")
send(b"SSH-2.0-OpenSSH_9.2\\r\\n")
send(b"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03" + os.urandom(200))
`;
    const py = spawnSync("python3", ["-c", script, String(node.port)], { timeout: 30_000 });
    expect(py.status).toBe(0);
    // A good request after the garbage still works and is the only span.
    await curl([`http://127.0.0.1:${node.port}/after`]);
    expect(await t.until(() => t.of(node.pid, "server").length >= 1)).toBe(true);
    await Bun.sleep(300);
    expect(t.of(node.pid, "server").map((x) => x.path)).toEqual(["/after"]);
    // Every connection closed, so the kernel follows none of the server's any more.
    // Keys are { pid: u32, fd: u32 }.
    const conns = t.monitor!.session.map("conns").live.lookupAll();
    const open = conns.filter(([k]) => new DataView(k.buffer, k.byteOffset, 8).getUint32(0, true) === node.pid);
    expect(open).toHaveLength(0);
    expect(t.monitor!.tracker.connections).toBeLessThan(65536);
  }, 60_000);
});

/** The exported span with this id (the SDK exports asynchronously). */
async function exportedSpan(spanId: string) {
  const find = () => t.spans.getFinishedSpans().find((s) => s.spanContext().spanId === spanId);
  await t.until(() => find() !== undefined);
  return find()!;
}

/** nginx on a free port, serving a temporary directory, in the foreground; stopped by pid. */
async function startNginx(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), "nginx-"));
  writeFileSync(join(dir, "index.html"), "<p>nginx</p>\n");
  const port = await freePort();
  writeFileSync(join(dir, "nginx.conf"), `
worker_processes 1;
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${dir}; }
}`);
  const child = spawn("nginx", ["-p", dir, "-c", `${dir}/nginx.conf`], { stdio: "ignore" });
  const s: Server = { pid: child.pid!, port, stop: () => { if (child.exitCode === null) child.kill("SIGKILL"); } };
  servers.push(s);
  // Until nginx listens (a bare TCP connect: no HTTP request that would become a span).
  for (let i = 0; i < 100 && spawnSync("python3", ["-c",
    `import socket; socket.create_connection(("127.0.0.1", ${port}), timeout=1).close()`]).status !== 0; i++) {
    await Bun.sleep(20);
  }
  return s;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const port = probe.port;
    probe.stop(true);
    resolve(port);
  });
}
