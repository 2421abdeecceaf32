/**
 * The embedded form of the getppid event stream: loads a built artifact with
 * `load()` from @ts-bpf/runtime (no compiler), counts each record in a JS callback, and on
 * SIGINT or SIGTERM detaches, drains, and prints "received N" and "lost N". Runs unchanged in
 * Bun and Deno, and in Node once bundled with scripts/bundle_node.mjs (the CLI itself runs a
 * probe's userspace module from TypeScript, which Node cannot import).
 *
 * Usage: ring_consumer.ts ARTIFACT.tsbpf MAP
 */
import { decode } from "cbor-x/decode";
import { readFileSync } from "node:fs";
import type { Artifact } from "@ts-bpf/loader";
import { load } from "@ts-bpf/runtime";

const [path, mapName] = process.argv.slice(2);
if (!path || !mapName) throw new Error("usage: ring_consumer.ts ARTIFACT.tsbpf MAP");
const artifact = decode(readFileSync(path)) as Artifact;
let received = 0;
const session = await load(artifact, { userspace: false, stats: true });
session.on(mapName, () => {
  received++;
});
console.error("attached");

const stop = async () => {
  session.detach();
  const lost = session.stats().lost;
  await session.close();
  console.log(`received ${received}`);
  console.log(`lost ${lost}`);
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
setInterval(() => {}, 1 << 30);
