/**
 * Builds an ELF string table (`.strtab`, `.shstrtab`): a leading NUL, then each distinct string
 * once, NUL-terminated, in the order first added, so the same input gives the same bytes.
 */

const encoder = new TextEncoder();

/**
 * Collects strings and hands out their offsets.
 *
 * @example
 * const t = new StringTableBuilder();
 * t.add(".text"); // 1
 * t.add("");      // 0
 * t.bytes();      // "\0.text\0"
 */
export class StringTableBuilder {
  private readonly offsets = new Map<string, number>();
  private readonly parts: Uint8Array[] = [new Uint8Array(1)];
  private size = 1;

  /** The offset of `text`, adding it if new. The empty string is always at offset 0. */
  add(text: string): number {
    if (text === "") return 0;
    const known = this.offsets.get(text);
    if (known !== undefined) return known;
    const encoded = encoder.encode(text);
    const offset = this.size;
    const part = new Uint8Array(encoded.length + 1);
    part.set(encoded);
    this.parts.push(part);
    this.size += part.length;
    this.offsets.set(text, offset);
    return offset;
  }

  /** The table's bytes so far. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
