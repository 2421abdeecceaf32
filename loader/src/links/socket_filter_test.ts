import { describe, expect } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { AttachError } from "./attach_error.ts";
import { attachSocketFilter } from "./socket_filter.ts";
import { socketFilterCounter, xdpCounter } from "./testing/programs.ts";
import { UdpSocket } from "./testing/udp.ts";

const keep = new TextEncoder().encode("keep");
const drop = new TextEncoder().encode("x");

describe("attachSocketFilter()", () => {
  kernelTest("counts and filters the packets a UDP socket receives, until the link closes",
    () => {
      using receiver = new UdpSocket();
      using sender = new UdpSocket();
      using filter = socketFilterCounter();
      const link = attachSocketFilter(filter.program, receiver.fd);
      expect(link.description).toBe(`socket filter on fd ${receiver.fd}`);
      for (let i = 0; i < 10; i++) {
        sender.sendTo(receiver.port, keep);
        sender.sendTo(receiver.port, drop);
      }
      // Every packet is counted; the one-byte ones are dropped before the socket queue.
      expect(filter.read()).toEqual({ count: 20n, sum: 10n * (8n + 4n) + 10n * (8n + 1n) });
      const received = receiver.receiveAll();
      expect(received).toHaveLength(10);
      expect(new TextDecoder().decode(received[0])).toBe("keep");
      link.close();
      sender.sendTo(receiver.port, keep);
      sender.sendTo(receiver.port, drop);
      expect(filter.read().count).toBe(20n);
      expect(receiver.receiveAll()).toHaveLength(2);
    });

  kernelTest("closing the link after the socket closed is not an error", () => {
    using filter = socketFilterCounter();
    const receiver = new UdpSocket();
    const link = attachSocketFilter(filter.program, receiver.fd);
    receiver.close();
    link.close();
    link.close();
    expect(filter.read().count).toBe(0n);
  });

  kernelTest("an fd that is not a socket is refused", () => {
    using filter = socketFilterCounter();
    expect(() => attachSocketFilter(filter.program, filter.map.fd)).toThrow(
      `Cannot attach program 'sock_count' to socket filter on fd ${filter.map.fd}`);
    expect(() => attachSocketFilter(filter.program, filter.map.fd)).toThrow(
      "is not an open socket");
  });

  kernelTest("a program that is not socket_filter-type is refused", () => {
    using socket = new UdpSocket();
    using xdp = xdpCounter(9);
    expect(() => attachSocketFilter(xdp.program, socket.fd)).toThrow(AttachError);
    expect(() => attachSocketFilter(xdp.program, socket.fd)).toThrow(
      "it needs a 'socket_filter' program");
  });
});
