/**
 * Many strings in one UTF-16 buffer plus offsets: no string objects exist until one is read,
 * so a column of 500,000 terms costs two typed arrays instead of 500,000 heap strings.
 */

/** Decodes UTF-16 code units without TextDecoder (whose encodings vary by runtime). */
export function decodeUtf16(units: Uint16Array): string {
  const CHUNK = 8192; // below every engine's argument-count limit for fromCharCode.apply
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units as unknown as number[]);
  let text = '';
  for (let at = 0; at < units.length; at += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(at, at + CHUNK) as unknown as number[]);
  }
  return text;
}

export class StringColumn {
  readonly length: number;
  readonly #units: Uint16Array;
  readonly #offsets: Uint32Array;

  /** `offsets` has one more entry than there are strings: string i is units[offsets[i]..offsets[i+1]). */
  constructor(units: Uint16Array, offsets: Uint32Array) {
    this.#units = units;
    this.#offsets = offsets;
    this.length = offsets.length - 1;
  }

  get(i: number): string {
    return decodeUtf16(this.#units.subarray(this.#offsets[i]!, this.#offsets[i + 1]!));
  }

  /** Compares string i with `text` by code unit, as `<` on strings does: negative, 0 or positive. */
  compare(i: number, text: string): number {
    const units = this.#units;
    const start = this.#offsets[i]!;
    const length = this.#offsets[i + 1]! - start;
    const shared = Math.min(length, text.length);
    for (let k = 0; k < shared; k++) {
      const difference = units[start + k]! - text.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - text.length;
  }

  /** Whether string i starts with `prefix`. */
  startsWith(i: number, prefix: string): boolean {
    const units = this.#units;
    const start = this.#offsets[i]!;
    if (this.#offsets[i + 1]! - start < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (units[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** Copies string i's code units into `target` at `at` (no allocation); returns the new end. */
  copyInto(i: number, target: Uint16Array, at: number): number {
    const units = this.#units;
    const end = this.#offsets[i + 1]!;
    let out = at;
    for (let k = this.#offsets[i]!; k < end; k++) target[out++] = units[k]!;
    return out;
  }

  /** Length of string i in code units. */
  lengthOf(i: number): number {
    return this.#offsets[i + 1]! - this.#offsets[i]!;
  }

  /** First code unit of string i (NaN for an empty string). */
  firstUnit(i: number): number {
    return this.lengthOf(i) === 0 ? NaN : this.#units[this.#offsets[i]!]!;
  }

  /** Code units of string i, without copying (for edit distances). */
  units(i: number): Uint16Array {
    return this.#units.subarray(this.#offsets[i]!, this.#offsets[i + 1]!);
  }

  /** In a sorted column: the first index whose string is not below `text`. */
  lowerBound(text: string, from = 0, to = this.length): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, text) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** In a sorted column: the index of `text`, or -1. */
  indexOf(text: string): number {
    const at = this.lowerBound(text);
    return at < this.length && this.compare(at, text) === 0 ? at : -1;
  }

  /** In a sorted column: the end of the run of strings starting with `prefix` that begins at `from`. */
  prefixEnd(prefix: string, from: number): number {
    let lo = from;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.startsWith(mid, prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
