/**
 * Many strings in one UTF-16 buffer plus offsets: no string objects exist until one is read,
 * so a column of 500,000 terms costs two typed arrays instead of 500,000 heap strings.
 */

/**
 * UTF-16 decoding by TextDecoder where the runtime has it (several times faster than
 * fromCharCode). `fatal`, because TextDecoder would replace a lone surrogate with U+FFFD; such
 * text goes the exact, slower way.
 */
const utf16 = ((): InstanceType<typeof TextDecoder> | undefined => {
  try {
    // ignoreBOM keeps a leading U+FEFF, which is text like any other here.
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
  } catch {
    return undefined;
  }
})();

/** Decodes UTF-16 code units (little-endian typed arrays, as everywhere workerd runs). */
export function decodeUtf16(units: Uint16Array): string {
  if (utf16 !== undefined) {
    try {
      return utf16.decode(units);
    } catch {
      // a lone surrogate: below
    }
  }
  return decodeUtf16ByCharCodes(units);
}

export function decodeUtf16ByCharCodes(units: Uint16Array): string {
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
  readonly #gap: number;

  /**
   * `offsets` has one more entry than there are strings: string i is
   * units[offsets[i]..offsets[i+1] - gap), where `gap` units separate one string from the next
   * (1 for newline-joined strings).
   */
  constructor(units: Uint16Array, offsets: Uint32Array, gap = 0) {
    this.#units = units;
    this.#offsets = offsets;
    this.#gap = gap;
    this.length = offsets.length - 1;
  }

  get(i: number): string {
    return decodeUtf16(this.#units.subarray(this.#offsets[i]!, this.#offsets[i + 1]! - this.#gap));
  }

  /** Compares string i with `text` by code unit, as `<` on strings does: negative, 0 or positive. */
  compare(i: number, text: string): number {
    const units = this.#units;
    const start = this.#offsets[i]!;
    const length = this.#offsets[i + 1]! - this.#gap - start;
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
    if (this.#offsets[i + 1]! - this.#gap - start < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (units[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** The raw arrays, for hot loops that cannot afford a call per string (body decoding; columns without a gap). */
  get raw(): { units: Uint16Array; offsets: Uint32Array } {
    return { units: this.#units, offsets: this.#offsets };
  }

  /** Code units of string i, without copying (for edit distances). */
  units(i: number): Uint16Array {
    return this.#units.subarray(this.#offsets[i]!, this.#offsets[i + 1]! - this.#gap);
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
}
