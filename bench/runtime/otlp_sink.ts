/**
 * A stand-in OTLP/HTTP receiver for the startup benchmark: answers every POST with 200 and an
 * empty protobuf body (a valid empty Export*ServiceResponse), so `tsbpf run --otlp` exports for
 * real while its memory is measured. Prints "exports N" when stopped with SIGTERM or SIGINT.
 *
 * Usage: bun bench/runtime/otlp_sink.ts PORT
 */
const port = Number(process.argv[2] ?? 4318);
let exportCount = 0;
const server = Bun.serve({
  port,
  hostname: "127.0.0.1",
  async fetch(request) {
    await request.arrayBuffer();
    if (request.method === "POST") exportCount++;
    return new Response(new Uint8Array(0), { headers: { "content-type": "application/x-protobuf" } });
  },
});
console.error(`listening on ${server.port}`);
const stop = () => {
  console.log(`exports ${exportCount}`);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
export {};
