import { describe, expect, test } from "bun:test";
import { demangle, withoutParameters } from "./demangle.ts";

describe("demangle()", () => {
  test("demangles C++ Itanium names with their parameters", () => {
    expect(demangle("_ZN6shapes7measureEd")).toBe("shapes::measure(double)");
    expect(demangle("_ZNK6shapes3Box4areaEv")).toBe("shapes::Box::area() const");
  });
  test("demangles Rust legacy names without the hash, and v0 names", () => {
    expect(demangle("_ZN9rust_main3fib17h40badb83a5ff83ceE")).toBe("rust_main::fib");
    expect(demangle("_RINvCshhdbEW6Nuij_9rust_main5totalhEB2_")).toBe("rust_main::total::<u8>");
  });
  test("leaves C names alone", () => {
    expect(demangle("handle_request")).toBe("handle_request");
  });
});

describe("withoutParameters()", () => {
  test("cuts the parameter list and qualifiers but keeps template arguments", () => {
    expect(withoutParameters("ns::add<int>(int, int)")).toBe("ns::add<int>");
    expect(withoutParameters("shapes::Box::area() const")).toBe("shapes::Box::area");
    expect(withoutParameters("(anonymous namespace)::f(int)")).toBe("(anonymous namespace)::f");
    expect(withoutParameters("rust_main::fib")).toBe("rust_main::fib");
  });
});
