/**
 * Embedding tsbpf in another program: load a probe, make some calls, read its map, close.
 * Run as root with `bun examples/embed/embed.ts` or
 * `deno run --allow-all examples/embed/embed.ts`. Prints:
 *
 *   this process made 500 getppid() calls
 */
import { load } from "@ts-bpf/runtime";
import { getpid, getppid } from "@ts-bpf/loader";

const probe = await load(new URL("./count_calls.ts", import.meta.url).pathname);
try {
  for (let i = 0; i < 500; i++) getppid();
  const calls = probe.snapshots().find((s) => s.map.variable === "calls");
  const mine = calls?.kind === "table" ? calls.entries.find((e) => e.key === getpid()) : undefined;
  console.log(`this process made ${mine?.value ?? 0} getppid() calls`);
} finally {
  await probe.close();
}
