/**
 * The `tsbpf` command. Errors print as one readable message with its hint (a stack trace only
 * with --debug); a probe with errors prints its diagnostics and exits non-zero.
 */
// Each command is imported when it runs, so `tsbpf run probe.tsbpf` loads neither the compiler,
// esbuild nor the OpenTelemetry SDK: startup time is a target (bench/runtime/startup.ts).
import { parseArgs } from "./args.ts";
import { ProbeError } from "../probe_error.ts";

async function usage(): Promise<string> {
  const { HTTP_USAGE } = await import("./http_command.ts");
  const { LATENCY_USAGE } = await import("./latency_command.ts");
  return `usage: tsbpf <command> [options]

  run <probe.ts | probe.tsbpf> [--duration S] [--output text|json] [--otlp URL] [--prometheus [HOST:]PORT]
      [--console] [-- args]
                                          named aggregations and span streams go to OpenTelemetry:
                                          --otlp (or OTEL_EXPORTER_OTLP_ENDPOINT) pushes OTLP/HTTP
                                          protobuf every OTEL_METRIC_EXPORT_INTERVAL ms (10000),
                                          --prometheus serves /metrics, --console prints them;
                                          with none of these, maps print at the end as in bpftrace
  build <probe.ts> [-o probe.tsbpf]       compile to an artifact that runs without the compiler
  build <probe.ts> --emit-elf probe.o     write only the BPF ELF object (libbpf conventions:
                                          bpftool prog loadall accepts it), as bpftrace --emit-elf
  check <probe.ts> [--dump=ast,ir,bpf,artifact,wat]
                                          type-check and compile; as root, also pass every program
                                          through the verifier
  --tracepoint-formats DIR                (run, build, check) compile against a pinned copy of
                                          tracefs' events/ instead of the running kernel's
  --btf FILE                              (run, build, check) kernelOffset() reads this copy of
                                          the kernel's BTF instead of /sys/kernel/btf/vmlinux
  list [tracepoints [GLOB] | uprobes BINARY [GLOB]]
${LATENCY_USAGE}
${HTTP_USAGE}
  doctor [--mount]                        what this machine offers, and how to fix what is missing

  --debug   show stack traces`;
}

const BOOLEAN_FLAGS = new Set(["debug", "help", "mount", "console", "at-returns"]);

export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => console.log(line);
  const err = (line: string) => console.error(line);
  let debug = argv.includes("--debug");
  try {
    const args = parseArgs(argv, BOOLEAN_FLAGS);
    debug = args.flags.has("debug");
    switch (args.command) {
      case "run": return await (await import("./run_command.ts")).runCommand(args, out, err);
      case "build": return await (await import("./build_command.ts")).buildCommand(args, err);
      case "check": return await (await import("./check_command.ts")).checkCommand(args, out);
      case "list": return (await import("./list_command.ts")).listCommand(args, out);
      case "http": return await (await import("./http_command.ts")).httpCommand(args, out, err);
      case "latency": return await (await import("./latency_command.ts")).latencyCommand(args, out, err);
      case "doctor": return (await import("./doctor_command.ts")).doctorCommand(args, out);
      case undefined: case "help":
        out(await usage());
        return args.command ? 0 : 2;
      default:
        err(`tsbpf: unknown command '${args.command}'\n\n${await usage()}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ProbeError && error.stage === "compile") {
      err(error.message);
      err(`\n${error.count} error${error.count === 1 ? "" : "s"}; nothing was loaded`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    err(`tsbpf: ${message}`);
    if (debug && error instanceof Error && error.stack) err(error.stack);
    return 1;
  }
}
