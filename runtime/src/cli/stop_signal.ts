/**
 * When a long-running command should stop: SIGINT or SIGTERM (also one that arrived before
 * `wait` was called: a signal during compile or attach must still end in a clean detach, not
 * the default kill), after `seconds`, or when a watched process is gone.
 */
import { existsSync } from "node:fs";

export interface StopSignal {
  wait(seconds?: number): Promise<void>;
}

/** Starts listening for signals now; `watchPid` also stops when /proc/<pid> disappears. */
export function stopSignal(watchPid?: number): StopSignal {
  let signalled = false;
  let wake: () => void = () => {};
  const onSignal = () => {
    signalled = true;
    wake();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    wait(seconds) {
      return new Promise((resolve) => {
        // Without a duration, an interval only keeps the process alive (a timeout longer than
        // 2^31-1 ms would fire at once).
        const timer = seconds ? setTimeout(() => wake(), seconds * 1000) : setInterval(() => {}, 1 << 30);
        const watch = watchPid === undefined ? undefined : setInterval(() => {
          if (!existsSync(`/proc/${watchPid}`)) wake();
        }, 250);
        wake = () => {
          clearTimeout(timer);
          clearInterval(timer);
          clearInterval(watch);
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
          resolve();
        };
        if (signalled) wake();
      });
    },
  };
}
