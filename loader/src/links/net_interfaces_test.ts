import { describe, expect, test } from "bun:test";
import { AttachError } from "./attach_error.ts";
import { findInterface, listInterfaces } from "./net_interfaces.ts";

describe("network interfaces", () => {
  test("listInterfaces() includes loopback as index 1", () => {
    expect(listInterfaces().find((i) => i.name === "lo")).toEqual({ name: "lo", index: 1 });
  });

  test("findInterface() takes a name or an index", () => {
    expect(findInterface("lo")).toEqual({ name: "lo", index: 1 });
    expect(findInterface(1)).toEqual({ name: "lo", index: 1 });
  });

  test("findInterface() lists the interfaces that exist when one does not", () => {
    expect(() => findInterface("nope0")).toThrow(AttachError);
    expect(() => findInterface("nope0")).toThrow(/has lo \(1\)/);
    expect(() => findInterface(0)).toThrow("There is no network interface with index 0");
  });

  test("findInterface() refuses names that cannot be interface names", () => {
    expect(() => findInterface("../../etc")).toThrow("interface names have 1–15 characters");
    expect(() => findInterface("a-very-long-interface-name")).toThrow(AttachError);
  });
});
