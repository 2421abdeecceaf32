/**
 * The `tsbpf` command. Errors print as one readable message with its hint (a stack trace only
 * with --debug); a probe with errors prints its diagnostics and exits non-zero.
 */
import { parseArgs } from "./args.ts";
import { buildCommand } from "./build_command.ts";
import { checkCommand } from "./check_command.ts";
import { doctorCommand } from "./doctor_command.ts";
import { listCommand } from "./list_command.ts";
import { runCommand } from "./run_command.ts";
import { ProbeError } from "../probe_error.ts";

const USAGE = `usage: tsbpf <command> [options]

  run <probe.ts | probe.tsbpf> [--duration S] [--output text|json] [--otlp URL] [--prometheus PORT] [-- args]
  build <probe.ts> [-o probe.tsbpf]       compile to an artifact that runs without the compiler
  check <probe.ts>                        compile; as root, also pass every program through the verifier
  list [tracepoints [GLOB] | uprobes BINARY [GLOB]]
  doctor [--mount]                        what this machine offers, and how to fix what is missing

  --debug   show stack traces`;

const BOOLEAN_FLAGS = new Set(["debug", "help", "mount"]);

export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => console.log(line);
  const err = (line: string) => console.error(line);
  let debug = argv.includes("--debug");
  try {
    const args = parseArgs(argv, BOOLEAN_FLAGS);
    debug = args.flags.has("debug");
    switch (args.command) {
      case "run": return await runCommand(args, out, err);
      case "build": return await buildCommand(args, err);
      case "check": return checkCommand(args, out);
      case "list": return listCommand(args, out);
      case "doctor": return doctorCommand(args, out);
      case undefined: case "help":
        out(USAGE);
        return args.command ? 0 : 2;
      default:
        err(`tsbpf: unknown command '${args.command}'\n\n${USAGE}`);
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

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
  // Ring-buffer waiters and the FFI keep nothing alive once the session closed; exit promptly.
  process.exit(process.exitCode);
}
