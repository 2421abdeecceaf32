/**
 * The subset of `bun:test` our suites use, implemented over `Deno.test`, so the loader's suite
 * runs unchanged under Deno (deno.json maps "bun:test" here). Add a matcher when a test needs it.
 */
// deno-lint-ignore no-explicit-any
declare const Deno: any;

type Fn = () => void | Promise<void>;
const prefix: string[] = [];
const afterAllHooks: Fn[] = [];
const beforeAllHooks: Fn[] = [];

export function describe(name: string, body: () => void): void {
  prefix.push(name);
  try {
    body();
  } finally {
    prefix.pop();
  }
}

interface TestOptions { timeout?: number }

function register(name: string, fn: Fn, ignore: boolean): void {
  const fullName = [...prefix, name].join(" > ");
  Deno.test({
    name: fullName,
    ignore,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      // beforeAll hooks run once, before the first test registered after them.
      for (const hook of beforeAllHooks.splice(0)) await hook();
      await fn();
    },
  });
}

export function test(name: string, fn: Fn, _options?: number | TestOptions): void {
  register(name, fn, false);
}
test.skip = (name: string, fn: Fn) => register(name, fn, true);
test.skipIf = (condition: boolean) => (name: string, fn: Fn) => register(name, fn, condition);
test.if = (condition: boolean) => (name: string, fn: Fn) => register(name, fn, !condition);
export const it = test;

export function beforeAll(fn: Fn): void {
  beforeAllHooks.push(fn);
}
export function afterAll(fn: Fn): void {
  afterAllHooks.push(fn);
  Deno.test({ name: "(afterAll)", sanitizeOps: false, sanitizeResources: false, fn });
}

function fail(message: string): never {
  throw new Error(message);
}

function show(value: unknown): string {
  try {
    return typeof value === "bigint" ? `${value}n` : JSON.stringify(value, (_k, v) =>
      typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v);
  } catch {
    return String(value);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.length === y.length && x.every((v, i) => v === y[i]) &&
      a.constructor === b.constructor;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    return true;
  }
  const ka = Object.keys(a as object).filter((k) => (a as never)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as never)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as never)[k], (b as never)[k]));
}

function matchers(actual: unknown, negate: boolean) {
  const check = (ok: boolean, message: string) => {
    if (ok === negate) fail(negate ? `not: ${message}` : message);
  };
  const thrown = (): unknown => {
    if (typeof actual !== "function") fail("toThrow needs a function");
    try {
      (actual as () => unknown)();
    } catch (error) {
      return error;
    }
    return undefined;
  };
  const matchesError = (error: unknown, expected?: unknown): boolean => {
    if (error === undefined) return false;
    if (expected === undefined) return true;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof expected === "string") return message.includes(expected);
    if (expected instanceof RegExp) return expected.test(message);
    if (typeof expected === "function") return error instanceof (expected as never);
    return false;
  };
  return {
    toBe: (e: unknown) => check(Object.is(actual, e), `expected ${show(actual)} to be ${show(e)}`),
    toEqual: (e: unknown) => check(deepEqual(actual, e), `expected ${show(actual)} to equal ${show(e)}`),
    toStrictEqual: (e: unknown) => check(deepEqual(actual, e), `expected ${show(actual)} to equal ${show(e)}`),
    toBeDefined: () => check(actual !== undefined, `expected a value, got undefined`),
    toBeUndefined: () => check(actual === undefined, `expected undefined, got ${show(actual)}`),
    toBeNull: () => check(actual === null, `expected null, got ${show(actual)}`),
    toBeTruthy: () => check(Boolean(actual), `expected ${show(actual)} to be truthy`),
    toBeFalsy: () => check(!actual, `expected ${show(actual)} to be falsy`),
    toBeGreaterThan: (e: number | bigint) => check((actual as number) > e, `expected ${show(actual)} > ${show(e)}`),
    toBeGreaterThanOrEqual: (e: number | bigint) => check((actual as number) >= e, `expected ${show(actual)} >= ${show(e)}`),
    toBeLessThan: (e: number | bigint) => check((actual as number) < e, `expected ${show(actual)} < ${show(e)}`),
    toBeLessThanOrEqual: (e: number | bigint) => check((actual as number) <= e, `expected ${show(actual)} <= ${show(e)}`),
    toContain: (e: unknown) => check((actual as { includes(x: unknown): boolean }).includes(e), `expected ${show(actual)} to contain ${show(e)}`),
    toMatch: (e: RegExp | string) => check(typeof e === "string" ? String(actual).includes(e) : e.test(String(actual)), `expected ${show(actual)} to match ${e}`),
    toHaveLength: (n: number) => check((actual as { length: number }).length === n, `expected length ${n}, got ${(actual as { length: number }).length}`),
    toBeInstanceOf: (c: new (...a: never[]) => unknown) => check(actual instanceof c, `expected an instance of ${c.name}`),
    toThrow: (e?: unknown) => {
      const error = thrown();
      check(matchesError(error, e), `expected a throw matching ${show(e)}, got ${String(error)}`);
    },
  };
}

export function expect(actual: unknown) {
  const positive = matchers(actual, false);
  return Object.assign(positive, {
    not: matchers(actual, true),
    rejects: {
      async toThrow(e?: unknown) {
        try {
          await actual;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (e === undefined || (typeof e === "string" && message.includes(e)) ||
            (e instanceof RegExp && e.test(message)) ||
            (typeof e === "function" && error instanceof (e as never))) return;
          fail(`expected rejection matching ${show(e)}, got ${message}`);
        }
        fail("expected a rejection");
      },
    },
  });
}
