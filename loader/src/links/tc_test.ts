import { describe, expect } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { AttachError } from "./attach_error.ts";
import { attachTc, type TcDirection } from "./tc.ts";
import { openFdCount } from "./testing/fds.ts";
import { tcCounter, xdpCounter } from "./testing/programs.ts";
import { UdpSocket } from "./testing/udp.ts";

const payload = new TextEncoder().encode("ping");

describe("attachTc()", () => {
  for (const direction of ["ingress", "egress"] as const) {
    kernelTest(`counts UDP packets on loopback ${direction} until the link closes`, () => {
      using receiver = new UdpSocket();
      using sender = new UdpSocket();
      using counter = tcCounter(receiver.port);
      const link = attachTc(counter.program, "lo", direction);
      expect(link.description).toBe(`tc ${direction} of lo`);
      for (let i = 0; i < 20; i++) sender.sendTo(receiver.port, payload);
      expect(counter.read().count).toBe(20n);
      expect(receiver.receiveAll()).toHaveLength(20);
      link.close();
      for (let i = 0; i < 5; i++) sender.sendTo(receiver.port, payload);
      expect(counter.read().count).toBe(20n);
      expect(receiver.receiveAll()).toHaveLength(5);
    });
  }

  kernelTest("two programs can share a hook", () => {
    using receiver = new UdpSocket();
    using first = tcCounter(receiver.port);
    using second = tcCounter(receiver.port);
    using _a = attachTc(first.program, "lo", "ingress");
    using _b = attachTc(second.program, 1, "ingress");
    receiver.sendTo(receiver.port, payload);
    expect(first.read().count).toBe(1n);
    expect(second.read().count).toBe(1n);
  });

  kernelTest("a missing interface is an error listing those that exist", () => {
    using counter = tcCounter(9);
    const before = openFdCount();
    expect(() => attachTc(counter.program, "nope0", "egress")).toThrow(
      /There is no network interface 'nope0' \(hint: this network namespace has lo \(1\)/);
    expect(openFdCount()).toBe(before);
  });

  kernelTest("a program that is not sched_cls is refused", () => {
    using xdp = xdpCounter(9);
    expect(() => attachTc(xdp.program, "lo", "ingress")).toThrow(
      "Cannot attach program 'xdp_count' (xdp) to tc ingress of lo: it needs a 'sched_cls' " +
      "program");
  });

  kernelTest("a direction other than ingress or egress is refused", () => {
    using counter = tcCounter(9);
    expect(() => attachTc(counter.program, "lo", "both" as TcDirection)).toThrow(AttachError);
    expect(() => attachTc(counter.program, "lo", "both" as TcDirection)).toThrow(
      'tc direction must be "ingress" or "egress", got "both"');
  });
});
