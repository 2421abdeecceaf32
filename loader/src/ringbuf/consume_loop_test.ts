import { describe, expect, test } from "bun:test";
import { ConsumeLoop } from "./consume_loop.ts";
import { until, within } from "./test_helpers.ts";
import { WakeFd } from "./wake_fd.ts";

// These use a real epoll set and eventfds, which need no privileges.

describe("ConsumeLoop with others", () => {
  test("two loops wait at the same time, and each is woken when its fd becomes readable",
    async () => {
      const sources = [new WakeFd(), new WakeFd()];
      const drains = [0, 0];
      const loops = sources.map((source) => new ConsumeLoop([source.fd]));
      const runs = loops.map((loop, i) => loop.run(() => {
        drains[i]!++;
        sources[i]!.clear(); // this test's "consuming the records"
        return 0;
      }));
      await until(() => drains[0] === 1 && drains[1] === 1, 2000, "the first drains");
      await new Promise((r) => setTimeout(r, 20)); // both are waiting now
      sources[1]!.signal();
      await until(() => drains[1]! >= 2, 2000, "the second loop's drain");
      sources[0]!.signal();
      await until(() => drains[0]! >= 2, 2000, "the first loop's drain");
      await Promise.all(loops.map((loop) => loop.close()));
      await Promise.all(runs);
      for (const source of sources) source.close();
    });
});

describe("ConsumeLoop", () => {
  test("a readable fd wakes the wait and the loop drains it", async () => {
    const source = new WakeFd();
    const loop = new ConsumeLoop([source.fd]);
    let drains = 0;
    let delivered = 0;
    let signals = 0;
    const running = loop.run(() => {
      drains++;
      // Reading the eventfd is this test's "consuming records".
      const had = delivered < signals ? 1 : 0;
      source.clear();
      delivered = signals;
      return had;
    });
    await until(() => drains >= 1, 2000, "the first drain");
    signals = 1;
    source.signal();
    await until(() => delivered === 1, 2000, "the drain after a wakeup");
    await within(loop.close(), 2000, "close()");
    await running;
    source.close();
  });

  test("stop() wakes a loop that waits without a timeout", async () => {
    const loop = new ConsumeLoop([]);
    let drains = 0;
    const running = loop.run(() => {
      drains++;
      return 0;
    });
    await until(() => drains === 1, 2000, "the first drain");
    await new Promise((r) => setTimeout(r, 20));
    expect(loop.running).toBe(true);
    await within(loop.stop(), 2000, "stop()");
    await running;
    expect(loop.running).toBe(false);
    expect(drains).toBe(1);
    await loop.close();
  });

  test("after a drain that found records, the loop sleeps before draining again", async () => {
    const loop = new ConsumeLoop([], { pauseMs: 5 });
    const times: number[] = [];
    const running = loop.run(() => {
      times.push(performance.now());
      return times.length <= 3 ? 1 : 0;
    });
    await until(() => times.length >= 4, 2000, "four drains");
    await loop.close();
    await running;
    for (let i = 1; i < 4; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(4);
  });

  test("a drain that throws ends the loop and rejects run()", async () => {
    const loop = new ConsumeLoop([]);
    const running = loop.run(() => {
      throw new Error("decoder failed");
    });
    await expect(running).rejects.toThrow("decoder failed");
    expect(loop.running).toBe(false);
    await loop.close();
  });

  test("run() refuses a second loop and a closed loop", async () => {
    const loop = new ConsumeLoop([]);
    const running = loop.run(() => 0);
    expect(() => loop.run(() => 0)).toThrow("already running");
    await loop.close();
    await running;
    expect(() => loop.run(() => 0)).toThrow("closed");
    await loop.close();
  });

  test("a stopped loop can run again", async () => {
    const loop = new ConsumeLoop([]);
    let drains = 0;
    const first = loop.run(() => (drains++, 0));
    await until(() => drains === 1, 2000, "the first drain");
    await loop.stop();
    await first;
    const second = loop.run(() => (drains++, 0));
    try {
      await until(() => drains >= 2, 2000, "the second run's drain");
      // The loop waits instead of spinning (the end of the first run's wait may wake it once).
      await new Promise((r) => setTimeout(r, 20));
      expect(drains).toBeLessThanOrEqual(3);
    } finally {
      await loop.close();
      await second;
    }
  });
});
