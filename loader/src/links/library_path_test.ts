import { describe, expect, test } from "bun:test";
import { getpid } from "../sys/os.ts";
import { AttachError } from "./attach_error.ts";
import { matchMapped, parseMappedFiles, resolveLibraryPath } from "./library_path.ts";

const MAPS = `55d0c0a00000-55d0c0a02000 r--p 00000000 08:01 1234   /usr/bin/cat
7f1c2a000000-7f1c2a028000 r--p 00000000 08:01 5678   /usr/lib/x86_64-linux-gnu/libc.so.6
7f1c2a028000-7f1c2a1bd000 r-xp 00028000 08:01 5678   /usr/lib/x86_64-linux-gnu/libc.so.6
7f1c2a300000-7f1c2a301000 r-xp 00000000 08:01 91     /opt/my app/libssl-3.so
7f1c2a400000-7f1c2a401000 r-xp 00000000 08:01 92     /tmp/libgone.so (deleted)
7ffd5e1d0000-7ffd5e1f1000 rw-p 00000000 00:00 0      [stack]
7f1c2a500000-7f1c2a501000 rw-p 00000000 00:00 0
`;

describe("parseMappedFiles()", () => {
  test("lists each mapped file once, with spaces kept, without deleted files or pseudo maps", () => {
    expect(parseMappedFiles(MAPS)).toEqual([
      "/usr/bin/cat", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/opt/my app/libssl-3.so",
    ]);
  });
});

describe("matchMapped()", () => {
  const files = parseMappedFiles(MAPS);
  test("matches an exact file name", () => {
    expect(matchMapped(files, "libc.so.6")).toBe("/usr/lib/x86_64-linux-gnu/libc.so.6");
  });
  test("matches a name without its version", () => {
    expect(matchMapped(files, "libc")).toBe("/usr/lib/x86_64-linux-gnu/libc.so.6");
    expect(matchMapped(files, "libssl")).toBe("/opt/my app/libssl-3.so");
  });
  test("does not match a name that is only a prefix of a longer word", () => {
    expect(matchMapped(files, "lib")).toBeUndefined();
    expect(matchMapped(files, "libgone.so")).toBeUndefined();
  });
});

describe("resolveLibraryPath()", () => {
  test("keeps anything with a slash as a path", () => {
    expect(resolveLibraryPath("./a.out")).toBe("./a.out");
    expect(resolveLibraryPath("/no/such/file")).toBe("/no/such/file");
  });

  test("finds a library this process has mapped, through /proc/<pid>/root", () => {
    const pid = getpid();
    expect(resolveLibraryPath("libc.so.6", pid)).toMatch(
      new RegExp(`^/proc/${pid}/root/.*/libc\\.so\\.6$`));
  });

  test("says which process lacks the library, or that the process does not exist", () => {
    const pid = getpid();
    expect(() => resolveLibraryPath("libtsbpf-nothing.so", pid)).toThrow(
      `Cannot find library 'libtsbpf-nothing.so' (searched /proc/${pid}/maps)`);
    expect(() => resolveLibraryPath("libc.so.6", 0x3ffffff0)).toThrow("there is no such process");
    expect(() => resolveLibraryPath("libc.so.6", 0x3ffffff0)).toThrow(AttachError);
  });
});
