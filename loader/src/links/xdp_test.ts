import { describe, expect } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { AttachError } from "./attach_error.ts";
import { attachXdp } from "./xdp.ts";
import { openFdCount } from "./testing/fds.ts";
import { sampleCounter, xdpCounter } from "./testing/programs.ts";
import { UdpSocket } from "./testing/udp.ts";

const payload = new TextEncoder().encode("ping");

describe("attachXdp()", () => {
  kernelTest("counts UDP packets sent over loopback until the link closes", () => {
    using receiver = new UdpSocket();
    using sender = new UdpSocket();
    using counter = xdpCounter(receiver.port);
    const link = attachXdp(counter.program, "lo");
    expect(link.description).toBe("XDP on lo");
    for (let i = 0; i < 20; i++) sender.sendTo(receiver.port, payload);
    expect(counter.read().count).toBe(20n);
    // XDP_PASS: the packets still reach the socket.
    expect(receiver.receiveAll()).toHaveLength(20);
    link.close();
    for (let i = 0; i < 5; i++) sender.sendTo(receiver.port, payload);
    expect(counter.read().count).toBe(20n);
    expect(receiver.receiveAll()).toHaveLength(5);
  });

  kernelTest("takes an interface index and a mode", () => {
    using receiver = new UdpSocket();
    using counter = xdpCounter(receiver.port);
    using link = attachXdp(counter.program, 1, { mode: "generic" });
    expect(link.description).toBe("XDP on lo (generic)");
    receiver.sendTo(receiver.port, payload);
    expect(counter.read().count).toBe(1n);
  });

  kernelTest("a missing interface is an error listing those that exist", () => {
    using counter = xdpCounter(9);
    const before = openFdCount();
    expect(() => attachXdp(counter.program, "nope0")).toThrow(
      /There is no network interface 'nope0' \(hint: this network namespace has lo \(1\)/);
    expect(() => attachXdp(counter.program, 999_999)).toThrow(
      "There is no network interface with index 999999");
    expect(() => attachXdp(counter.program, "nope0")).toThrow(AttachError);
    expect(openFdCount()).toBe(before);
  });

  kernelTest("native mode on loopback is refused with a hint to use generic", () => {
    using counter = xdpCounter(9);
    const before = openFdCount();
    expect(() => attachXdp(counter.program, "lo", { mode: "native" })).toThrow(
      "Cannot attach program 'xdp_count' to XDP on lo (native)");
    expect(openFdCount()).toBe(before);
  });

  kernelTest("a program that is not XDP-type is refused", () => {
    using samples = sampleCounter();
    expect(() => attachXdp(samples.program, "lo")).toThrow(
      "Cannot attach program 'samples' (perf_event) to XDP on lo: it needs a 'xdp' program " +
      "(hint: load it with type ProgType.XDP");
  });
});
