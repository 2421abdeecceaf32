import { expect, test } from "bun:test";
import { enumNames } from "./enum_names.ts";

test("enumNames() maps values back to keys, the first key winning", () => {
  const name = enumNames({ A: 1, B: 2, ALIAS_OF_B: 2 });
  expect(name(1)).toBe("A");
  expect(name(2)).toBe("B");
  expect(name(3)).toBeUndefined();
});
