import { describe, expect, test } from "bun:test";
import { until } from "./test_helpers.ts";
import { WaitHub } from "./wait_hub.ts";
import { WakeFd } from "./wake_fd.ts";

// A private hub per test, over eventfds: no privileges needed.

describe("WaitHub", () => {
  test("a readable fd that no waiter armed does not wake the others", async () => {
    const hub = new WaitHub();
    const [idle, busy] = [new WakeFd(), new WakeFd()];
    hub.add([idle.fd, busy.fd]);
    busy.signal(); // readable, like a reader's map fd while that reader pauses
    hub.retain();
    let woken = false;
    const waiter = hub.wait([idle.fd]);
    void waiter.done.then(() => woken = true);
    await new Promise((r) => setTimeout(r, 30));
    expect(woken).toBe(false);
    idle.signal();
    await until(() => woken, 2000, "the wakeup");
    hub.release();
    hub.remove([idle.fd, busy.fd]);
    idle.close();
    busy.close();
  });

  test("a waiter's timeout ends that wait only", async () => {
    const hub = new WaitHub();
    const fd = new WakeFd();
    hub.add([fd.fd]);
    hub.retain();
    let first = false;
    let second = false;
    void hub.wait([fd.fd], 10).done.then(() => first = true);
    void hub.wait([fd.fd]).done.then(() => second = true);
    await until(() => first, 2000, "the timeout");
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBe(false);
    fd.signal();
    await until(() => second, 2000, "the wakeup");
    hub.release();
    hub.remove([fd.fd]);
    fd.close();
  });

  test("cancel() ends one wait at once", async () => {
    const hub = new WaitHub();
    const fd = new WakeFd();
    hub.add([fd.fd]);
    hub.retain();
    const waiter = hub.wait([fd.fd]);
    let done = false;
    void waiter.done.then(() => done = true);
    waiter.cancel();
    await until(() => done, 2000, "the cancelled wait");
    hub.release();
    hub.remove([fd.fd]);
    fd.close();
  });

  test("add() refuses an fd that is not open", () => {
    const hub = new WaitHub();
    expect(() => hub.add([987654])).toThrow("epoll_ctl");
  });
});
