import { describe, expect, test } from "bun:test";
import { BtfError } from "./btf_error.ts";

describe("BtfError", () => {
  test("reads operation, detail, then hint", () => {
    const error = new BtfError("Cannot parse BTF", "bad magic 0x1234", "is this a .BTF section?");
    expect(error.message).toBe("Cannot parse BTF: bad magic 0x1234 (hint: is this a .BTF section?)");
    expect(error.name).toBe("BtfError");
    expect(error).toBeInstanceOf(Error);
    expect(new BtfError("op", "detail").message).toBe("op: detail");
  });
});
