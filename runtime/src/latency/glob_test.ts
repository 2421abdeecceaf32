import { describe, expect, test } from "bun:test";
import { globPattern, isGlob } from "./glob.ts";

describe("globPattern()", () => {
  test("a star matches across :: so a module pattern takes nested modules", () => {
    expect(globPattern("myapp::parser::*").test("myapp::parser::lexer::next")).toBe(true);
    expect(globPattern("myapp::parser::*").test("myapp::render")).toBe(false);
  });
  test("C++ and Rust punctuation is literal", () => {
    expect(globPattern("std::vector<*>::push_back").test("std::vector<int, std::allocator<int> >::push_back")).toBe(true);
    expect(globPattern("<[u8]>::len").test("<[u8]>::len")).toBe(true);
    expect(globPattern("<[u8]>::len").test("<u>::len")).toBe(false);
    expect(globPattern("f(int)").test("f(int)")).toBe(true);
  });
  test("a question mark is one character and the whole name must match", () => {
    expect(globPattern("handle_?").test("handle_a")).toBe(true);
    expect(globPattern("handle_?").test("handle_ab")).toBe(false);
    expect(globPattern("handle").test("handle_a")).toBe(false);
    expect(isGlob("handle_*")).toBe(true);
    expect(isGlob("handle")).toBe(false);
  });
});
