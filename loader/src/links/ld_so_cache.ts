/**
 * Reads glibc's /etc/ld.so.cache (the "glibc-ld.so.cache1.1" format that ldconfig has written
 * since glibc 2.2, alone or after the old libc5 table) to find a shared library's path from its
 * name, as the dynamic linker would. Only entries for this machine's ABI (x86-64 glibc) count.
 * It does not run ldconfig or read ld.so.conf.
 */
import { readFileBytes } from "../sys/files.ts";

const NEW_MAGIC = "glibc-ld.so.cache1.1";
const OLD_MAGIC = "ld.so-1.7.0";
/** magic + version (20), nlibs, len_strings, flags/padding/extension offset/unused (20). */
const NEW_HEADER_SIZE = 48;
/** flags, key, value, osversion (u32 each), hwcap (u64). */
const NEW_ENTRY_SIZE = 24;
const OLD_HEADER_SIZE = 16;
const OLD_ENTRY_SIZE = 12;
/** FLAG_ELF_LIBC6 (3) in the type byte; FLAG_X8664_LIB64 (0x0300) in the arch byte. */
const TYPE_MASK = 0xff;
const ARCH_MASK = 0xff00;
const X86_64 = 0x0300;

/** One library the cache knows. */
export interface LdSoCacheEntry {
  /** The name programs ask for, e.g. "libc.so.6". */
  name: string;
  /** Where it is, e.g. "/lib/x86_64-linux-gnu/libc.so.6". */
  path: string;
  /** The entry's flags (type and ABI). */
  flags: number;
}

/** The entries of an ld.so.cache file for x86-64 glibc; [] for a format this does not know. */
export function parseLdSoCache(bytes: Uint8Array): LdSoCacheEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = newTableStart(bytes, view);
  if (base === undefined) return [];
  const count = view.getUint32(base + 20, true);
  const entries: LdSoCacheEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = base + NEW_HEADER_SIZE + i * NEW_ENTRY_SIZE;
    if (at + NEW_ENTRY_SIZE > bytes.length) break;
    const flags = view.getInt32(at, true);
    const type = flags & TYPE_MASK;
    if ((type !== 1 && type !== 3) || (flags & ARCH_MASK) !== X86_64) continue;
    // String offsets count from the start of the new table.
    const name = stringAt(bytes, base + view.getUint32(at + 4, true));
    const path = stringAt(bytes, base + view.getUint32(at + 8, true));
    if (name && path) entries.push({ name, path, flags });
  }
  return entries;
}

let cache: { path: string; entries: LdSoCacheEntry[] } | undefined;

/**
 * The path of library `name` per the system's ld.so.cache, or undefined when the cache does not
 * list it (or cannot be read). Read once per process.
 */
export function lookupLdSoCache(name: string, file = "/etc/ld.so.cache"): string | undefined {
  if (cache?.path !== file) {
    let entries: LdSoCacheEntry[] = [];
    try {
      entries = parseLdSoCache(readFileBytes(file));
    } catch {
      // No cache (musl, containers): the caller searches the usual directories instead.
    }
    cache = { path: file, entries };
  }
  return cache.entries.find((e) => e.name === name)?.path;
}

function newTableStart(bytes: Uint8Array, view: DataView): number | undefined {
  if (hasMagic(bytes, 0, NEW_MAGIC)) return 0;
  if (!hasMagic(bytes, 0, OLD_MAGIC) || bytes.length < OLD_HEADER_SIZE) return undefined;
  const oldCount = view.getUint32(12, true);
  // The new table follows the old one, aligned like struct cache_file_new (8 bytes).
  const base = (OLD_HEADER_SIZE + oldCount * OLD_ENTRY_SIZE + 7) & ~7;
  return hasMagic(bytes, base, NEW_MAGIC) ? base : undefined;
}

function hasMagic(bytes: Uint8Array, at: number, magic: string): boolean {
  if (at + NEW_HEADER_SIZE > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false;
  return true;
}

function stringAt(bytes: Uint8Array, at: number): string {
  if (at >= bytes.length) return "";
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(at, end));
}
