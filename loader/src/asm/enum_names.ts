/**
 * Reverse lookup for the `as const` number tables that stand in for kernel enums (ProgType,
 * MapType, AttachType, LinkType…): value → key, for error messages and dumps.
 */

/**
 * A function giving the key of `table` whose value is `value` (the first one, if several share
 * it), or undefined.
 *
 * @example enumNames(ProgType)(6) // "XDP"
 */
export function enumNames(
  table: Readonly<Record<string, number>>,
): (value: number) => string | undefined {
  const names = new Map<number, string>();
  for (const [name, value] of Object.entries(table)) if (!names.has(value)) names.set(value, name);
  return (value) => names.get(value);
}
