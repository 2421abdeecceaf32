import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseResourceAttributes, readIdentity } from "./process_identity.ts";

function fakeProc(env: string[]): string {
  const proc = mkdtempSync(join(tmpdir(), "proc-"));
  mkdirSync(join(proc, "42"));
  writeFileSync(join(proc, "42", "environ"), `${env.join("\0")}\0`);
  symlinkSync("/usr/sbin/nginx", join(proc, "42", "exe"));
  return proc;
}

describe("readIdentity()", () => {
  test("prefers the process's OTEL_SERVICE_NAME", () => {
    const proc = fakeProc(["PATH=/bin", "OTEL_SERVICE_NAME=checkout", "OTEL_RESOURCE_ATTRIBUTES=service.name=x"]);
    expect(readIdentity(42, proc).serviceName).toBe("checkout");
  });

  test("then service.name and service.namespace from OTEL_RESOURCE_ATTRIBUTES", () => {
    const proc = fakeProc(["OTEL_RESOURCE_ATTRIBUTES=service.namespace=shop,service.name=cart%20api"]);
    const identity = readIdentity(42, proc);
    expect(identity.serviceName).toBe("cart api");
    expect(identity.serviceNamespace).toBe("shop");
  });

  test("then the executable's base name", () => {
    const identity = readIdentity(42, fakeProc(["HOME=/root"]));
    expect(identity.serviceName).toBe("nginx");
    expect(identity.exe).toBe("/usr/sbin/nginx");
  });

  test("names a process that is gone after its pid", () => {
    expect(readIdentity(999999999).serviceName).toBe("unknown_service:999999999");
  });

  test("parseResourceAttributes() skips malformed pairs", () => {
    expect([...parseResourceAttributes("a=1,broken,b=%zz,c=3")]).toEqual([["a", "1"], ["c", "3"]]);
  });
});
