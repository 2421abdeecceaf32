/**
 * Runs the `tsbpf` command from source: `bun runtime/src/cli/tsbpf.ts <command> …` (the launcher,
 * runtime/bin/tsbpf, runs the prebuilt bundle instead when there is a current one).
 */
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2));
// Ring-buffer waiters and the FFI keep nothing alive once the session closed; exit promptly.
process.exit(process.exitCode);
