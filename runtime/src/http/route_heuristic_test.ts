import { describe, expect, test } from "bun:test";
import { heuristicRoute, RouteMatcher, stripQuery } from "./route_heuristic.ts";

describe("heuristicRoute()", () => {
  test("replaces identifiers as OBI's examples show", () => {
    expect(heuristicRoute("/users/fdklsd/j4elk/23993/job/2")).toBe("/users/*/j4elk/*/job/*");
    expect(heuristicRoute("/v1/products/22j")).toBe("/v1/products/*");
    expect(heuristicRoute("/api/hello.world")).toBe("/api/hello.world");
    expect(heuristicRoute("/users/123")).toBe("/users/*");
    expect(heuristicRoute("/static/index.html")).toBe("/static/index.html");
  });

  test("ignores the query and keeps at most 10 segments", () => {
    expect(heuristicRoute("/a/b?id=5")).toBe("/a/b");
    expect(heuristicRoute("/a/b/c/d/e/f/g/h/i/j/k/l")).toBe("/a/b/c/d/e/f/g/h/i/j");
  });

  test("replaces UUIDs and hex ids", () => {
    expect(heuristicRoute("/orders/3f2a9c1e-58d4-4b7e-9a51-0c2d8e6f7a90/items")).toBe("/orders/*/items");
  });
});

describe("RouteMatcher", () => {
  test("tries patterns before the heuristic", () => {
    const m = new RouteMatcher({ patterns: ["/users/{id}", "/posts/:slug", "/static/*"] });
    expect(m.route("/users/42?x=1")).toBe("/users/{id}");
    expect(m.route("/posts/hello")).toBe("/posts/:slug");
    expect(m.route("/static/css/site.css")).toBe("/static/*");
    expect(m.route("/carts/991")).toBe("/carts/*");
  });

  test("follows the unmatched policy", () => {
    expect(new RouteMatcher({ unmatched: "path" }).route("/u/1?q")).toBe("/u/1");
    expect(new RouteMatcher({ unmatched: "wildcard" }).route("/u/1")).toBe("/**");
    expect(new RouteMatcher({ unmatched: "unset" }).route("/u/1")).toBeUndefined();
  });

  test("stripQuery() keeps only the path of absolute targets", () => {
    expect(stripQuery("http://example.com/a/b?c")).toBe("/a/b");
    expect(stripQuery("http://example.com")).toBe("/");
  });
});
