import { describe, expect, test } from "bun:test";
import { ElfError } from "./elf_error.ts";

describe("ElfError", () => {
  test("formats the file, the problem and the hint", () => {
    const error = new ElfError(
      "not_elf",
      "/bin/foo",
      "is not an ELF file (bad magic)",
      "pass a compiled executable",
    );
    expect(error.message).toBe(
      "'/bin/foo' is not an ELF file (bad magic) (hint: pass a compiled executable)",
    );
    expect([error.name, error.kind, error.file, error.problem, error.hint])
      .toEqual([
        "ElfError",
        "not_elf",
        "/bin/foo",
        "is not an ELF file (bad magic)",
        "pass a compiled executable",
      ]);
    expect(error).toBeInstanceOf(Error);
  });

  test("leaves the hint out when there is none", () => {
    expect(new ElfError("malformed", "a.o", "is odd").message).toBe("'a.o' is odd");
  });
});
