/**
 * Unsigned LEB128 varints: postings are small gaps and counts, most of them one byte.
 */

/** Appends `value` (a non-negative integer below 2^32) to `out`. */
export function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
}

/** A cursor over varint bytes; `pos` moves past each value read. */
export class VarintReader {
  pos: number;
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array, pos: number) {
    this.#bytes = bytes;
    this.pos = pos;
  }

  read(): number {
    const bytes = this.#bytes;
    let byte = bytes[this.pos++]!;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let shift = 7;
    do {
      byte = bytes[this.pos++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80);
    return value;
  }
}
