import { describe, expect, test } from "bun:test";
import { redactedQuery } from "./url_redaction.ts";

describe("redactedQuery()", () => {
  test("scrubs sensitive values and keeps the rest", () => {
    expect(redactedQuery("/a?token=abc&page=2&Password=x")).toBe("token=REDACTED&page=2&Password=REDACTED");
    expect(redactedQuery("/s3?X-Amz-Signature=deadbeef&v=1")).toBe("X-Amz-Signature=REDACTED&v=1");
  });

  test("gives nothing for a target without a query", () => {
    expect(redactedQuery("/a")).toBeUndefined();
    expect(redactedQuery("/a?")).toBeUndefined();
  });

  test("keeps keys without values and survives bad escapes", () => {
    expect(redactedQuery("/a?flag&%zz=1&api%5Fkey=s")).toBe("flag&%zz=1&api%5Fkey=REDACTED");
  });
});
