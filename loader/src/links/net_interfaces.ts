/**
 * Network interfaces of this process's network namespace by name and index, for XDP and tc
 * attach points, with an error that lists the interfaces that do exist. Read from /proc/net/dev
 * and /sys/class/net through the syscall layer (no directory listing needed).
 */
import { readFileTextIfExists } from "../sys/files.ts";
import { AttachError } from "./attach_error.ts";

/** A network interface. */
export interface NetInterface {
  name: string;
  index: number;
}

/** Every interface in this network namespace, in /proc/net/dev order. */
export function listInterfaces(): NetInterface[] {
  const text = readFileTextIfExists("/proc/net/dev") ?? "";
  const out: NetInterface[] = [];
  // Two header lines, then "  name: counters…" per interface.
  for (const line of text.split("\n").slice(2)) {
    const name = line.split(":")[0]?.trim();
    if (!name) continue;
    const index = readFileTextIfExists(`/sys/class/net/${name}/ifindex`);
    if (index !== undefined) out.push({ name, index: Number.parseInt(index.trim(), 10) });
  }
  return out;
}

/**
 * The interface named `nameOrIndex` (or with that index).
 * @throws AttachError `interface_not_found`, listing the interfaces that exist.
 */
export function findInterface(nameOrIndex: string | number): NetInterface {
  if (typeof nameOrIndex === "number") {
    const found = listInterfaces().find((i) => i.index === nameOrIndex);
    if (found) return found;
    throw notFound(`with index ${nameOrIndex}`);
  }
  // Checked first so that a name can never walk out of /sys/class/net.
  if (!/^[^/\s:]{1,15}$/.test(nameOrIndex) || nameOrIndex === "." || nameOrIndex === "..") {
    throw notFound(`'${nameOrIndex}': interface names have 1–15 characters without '/', ':' ` +
      "or spaces");
  }
  const index = readFileTextIfExists(`/sys/class/net/${nameOrIndex}/ifindex`);
  if (index === undefined) throw notFound(`'${nameOrIndex}'`);
  return { name: nameOrIndex, index: Number.parseInt(index.trim(), 10) };
}

function notFound(what: string): AttachError {
  const existing = listInterfaces().map((i) => `${i.name} (${i.index})`).join(", ");
  return new AttachError("interface_not_found", `There is no network interface ${what}`,
    `this network namespace has ${existing || "no interfaces"}`);
}
