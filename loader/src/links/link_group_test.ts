import { describe, expect, test } from "bun:test";
import type { Link } from "./link.ts";
import { collectLinks, LinkGroup } from "./link_group.ts";

function fakeLink(name: string, closed: string[]): Link {
  return {
    description: name,
    close: () => void closed.push(name),
    [Symbol.dispose]() {
      this.close();
    },
  };
}

describe("LinkGroup", () => {
  test("closes its links once, last made first", () => {
    const closed: string[] = [];
    const group = new LinkGroup("both", [fakeLink("a", closed), fakeLink("b", closed)]);
    group.close();
    group.close();
    expect(closed).toEqual(["b", "a"]);
  });
});

describe("collectLinks()", () => {
  test("makes one link per item", () => {
    const closed: string[] = [];
    using group = collectLinks("cpus", [0, 1, 2], (cpu) => fakeLink(`cpu${cpu}`, closed));
    expect(group.links.map((l) => l.description)).toEqual(["cpu0", "cpu1", "cpu2"]);
    expect(group.description).toBe("cpus");
  });

  test("closes the links already made when one fails, and rethrows", () => {
    const closed: string[] = [];
    expect(() => collectLinks("cpus", [0, 1, 2], (cpu) => {
      if (cpu === 2) throw new Error("CPU 2 refused");
      return fakeLink(`cpu${cpu}`, closed);
    })).toThrow("CPU 2 refused");
    expect(closed).toEqual(["cpu1", "cpu0"]);
  });
});
