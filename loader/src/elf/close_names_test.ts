import { describe, expect, test } from "bun:test";
import { closeNames } from "./close_names.ts";

describe("closeNames()", () => {
  test("suggests a name with two letters swapped", () => {
    expect(closeNames("mian", ["main", "malloc", "_start"])).toEqual(["main"]);
  });

  test("orders by distance, then by the candidates' order", () => {
    expect(closeNames("handle_reqest", ["handle_request", "handle_requests", "handle_reply"]))
      .toEqual(["handle_request", "handle_requests", "handle_reply"]);
  });

  test("suggests names that contain the wanted one, after close spellings", () => {
    expect(closeNames("parse", ["_Z5parsePKc", "parse_args", "parsed", "print"])).toEqual([
      "parsed",
      "parse_args",
      "_Z5parsePKc",
    ]);
  });

  test("ignores case, the exact name, empty names and duplicates", () => {
    expect(closeNames("Main", ["main", "main", "Main", ""])).toEqual(["main"]);
  });

  test("suggests nothing for unrelated names and respects the limit", () => {
    expect(closeNames("zzz", ["main", "work"])).toEqual([]);
    expect(closeNames("abcd", ["abce", "abcf", "abcg"], 2)).toEqual(["abce", "abcf"]);
  });

  test("does not treat distant short names as close", () => {
    expect(closeNames("main", ["wait", "warn", "rain"])).toEqual(["rain"]);
  });
});
