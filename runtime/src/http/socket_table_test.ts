import { describe, expect, test } from "bun:test";
import { createServer } from "node:net";
import { endpoint, SocketTable } from "./socket_table.ts";

describe("SocketTable", () => {
  test("endpoint() reads /proc/net/tcp's IPv4 and IPv6 forms", () => {
    expect(endpoint("0100007F:1F90")).toEqual({ address: "127.0.0.1", port: 8080 });
    expect(endpoint("0000000000000000FFFF00000100007F:0050")).toEqual({ address: "127.0.0.1", port: 80 });
    expect(endpoint("00000000000000000000000001000000:01BB")).toEqual({ address: "::1", port: 443 });
  });

  test("finds the local port of one of this process's listening sockets", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
    try {
      expect(fd).toBeGreaterThan(2);
      expect(new SocketTable().localPort(process.pid, fd)).toBe(port);
    } finally {
      server.close();
    }
  });

  test("knows nothing of fds that are not sockets", () => {
    expect(new SocketTable().localPort(process.pid, 0)).toBeUndefined();
    expect(new SocketTable().localPort(999999999, 3)).toBeUndefined();
  });
});
