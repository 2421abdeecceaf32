/**
 * Turns what a user passes to `openExecutable` into a path: paths (anything with a '/') are
 * kept; bare library names ("libc.so.6", "libssl") are looked up in a process's memory map
 * (/proc/<pid>/maps), in ld.so.cache, in this process's own map and in the usual library
 * directories, in that order. It does not search $PATH for programs.
 */
import { SyscallError } from "../sys/errors.ts";
import { pathExists, readFileTextIfExists } from "../sys/files.ts";
import { AttachError } from "./attach_error.ts";
import { lookupLdSoCache } from "./ld_so_cache.ts";

/** Where libraries live on Debian-style and other x86-64 distributions. */
export const LIBRARY_DIRS: readonly string[] = [
  "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib",
  "/usr/lib", "/usr/local/lib",
];

/**
 * The path of `nameOrPath`. With `pid`, a bare name is matched against the files that process
 * has mapped, and the path is returned through /proc/<pid>/root so that it names the same file
 * for a process in another mount namespace (a container).
 * @throws AttachError `library_not_found` (saying where it looked), `file_not_found` for a pid
 *   that does not exist; SyscallError when the pid's memory map may not be read.
 */
export function resolveLibraryPath(nameOrPath: string, pid?: number): string {
  if (nameOrPath.includes("/")) return nameOrPath;
  const searched: string[] = [];
  if (pid !== undefined) {
    const maps = readMaps(pid);
    if (maps === undefined) {
      throw new AttachError("file_not_found", `Cannot find '${nameOrPath}' in process ${pid}: ` +
        "there is no such process", "check the pid (it may have exited)");
    }
    const found = matchMapped(parseMappedFiles(maps), nameOrPath);
    if (found) return `/proc/${pid}/root${found}`;
    searched.push(`/proc/${pid}/maps`);
  } else {
    const cached = lookupLdSoCache(nameOrPath);
    if (cached) return cached;
    searched.push("/etc/ld.so.cache");
    const own = matchMapped(parseMappedFiles(readFileTextIfExists("/proc/self/maps") ?? ""),
      nameOrPath);
    if (own) return own;
    searched.push("/proc/self/maps");
    for (const dir of LIBRARY_DIRS) {
      if (pathExists(`${dir}/${nameOrPath}`)) return `${dir}/${nameOrPath}`;
    }
    searched.push(...LIBRARY_DIRS);
  }
  if (pathExists(nameOrPath)) return nameOrPath;
  throw new AttachError("library_not_found", `Cannot find library '${nameOrPath}' ` +
    `(searched ${searched.join(", ")})`, pid === undefined
    ? "give its path, or the pid of a process that has it loaded ({ pid })"
    : `process ${pid} has not loaded it; give its path, or check the name in /proc/${pid}/maps`);
}

function readMaps(pid: number): string | undefined {
  try {
    return readFileTextIfExists(`/proc/${pid}/maps`);
  } catch (error) {
    if (error instanceof SyscallError && (error.errno === 13 || error.errno === 1)) {
      throw new SyscallError(`Cannot read the memory map of process ${pid} ` +
        `(/proc/${pid}/maps)`, error.errno, { hint: "reading another process's map needs " +
        "ptrace access to it (CAP_SYS_PTRACE, or see kernel.yama.ptrace_scope); or give the " +
        "library's path instead of its name" });
    }
    throw error;
  }
}

/** The distinct files in a /proc/<pid>/maps text, in order of first mapping. */
export function parseMappedFiles(maps: string): string[] {
  const files = new Set<string>();
  for (const line of maps.split("\n")) {
    // address perms offset dev inode path — the path may contain spaces.
    const m = /^\S+\s+\S+\s+\S+\s+\S+\s+\d+\s+(\/.*)$/.exec(line);
    if (m && !m[1]!.endsWith(" (deleted)")) files.add(m[1]!);
  }
  return [...files];
}

/**
 * The mapped file whose name is `name`, or starts with it followed by '.' or '-' ("libc" finds
 * "libc.so.6" and "libc-2.31.so"); an exact name wins.
 */
export function matchMapped(files: readonly string[], name: string): string | undefined {
  const base = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  return files.find((f) => base(f) === name) ??
    files.find((f) => base(f).startsWith(`${name}.`) || base(f).startsWith(`${name}-`));
}
