/**
 * Command-line parsing for `tsbpf`: a command, its positional arguments, flags (`--name value`,
 * `--name=value`, boolean `--flag`), and everything after `--` passed through to the probe.
 */
import { ProbeError } from "../probe_error.ts";

export interface ParsedArgs {
  command?: string;
  positional: string[];
  flags: Map<string, string | true>;
  passthrough: string[];
}

export function parseArgs(argv: string[], booleans: ReadonlySet<string>): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map(), passthrough: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.passthrough = argv.slice(i + 1);
      break;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) out.flags.set(name, inline);
      else if (booleans.has(name)) out.flags.set(name, true);
      else {
        const value = argv[++i];
        if (value === undefined) throw new ProbeError("usage", `--${name} needs a value`);
        out.flags.set(name, value);
      }
    } else if (arg.startsWith("-") && arg.length > 1) {
      const alias: Record<string, string> = { o: "output", d: "duration", h: "help" };
      const name = alias[arg.slice(1)] ?? arg.slice(1);
      if (booleans.has(name)) out.flags.set(name, true);
      else {
        const value = argv[++i];
        if (value === undefined) throw new ProbeError("usage", `${arg} needs a value`);
        out.flags.set(name, value);
      }
    } else if (out.command === undefined) {
      out.command = arg;
    } else {
      out.positional.push(arg);
    }
  }
  return out;
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : undefined;
}
