/**
 * Article bodies as word codes: every word and every run of spaces is a dictionary entry,
 * most frequent first, written as a varint of its rank; the single space between two words is
 * implied. News text repeats its words, so SaudiNewsNet's 96 MB of UTF-8 bodies become about
 * 18 MB of codes plus a 9 MB dictionary, decoded one body at a time in a few microseconds
 * without any decompressor (workerd has none that is synchronous).
 */
import { decodeUtf16, type StringColumn } from './string-column.ts';
import { VarintReader } from './varint.ts';

/** Words and the whitespace runs between them, as `split(/(\s+)/)` gives them, empty ones dropped. */
export function bodyTokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

export const isSpace = (token: string): boolean => /^\s/.test(token);

export class BodyDecoder {
  readonly #dictionary: StringColumn;
  readonly #codes: Uint8Array;
  readonly #offsets: Uint32Array;
  #scratch = new Uint16Array(4096);

  /** `codes[offsets[i]..offsets[i+1])` are body i's token ranks; dictionary entry r is a word or a whitespace run. */
  constructor(dictionary: StringColumn, codes: Uint8Array, offsets: Uint32Array) {
    this.#dictionary = dictionary;
    this.#codes = codes;
    this.#offsets = offsets;
  }

  decode(i: number): string {
    const end = this.#offsets[i + 1]!;
    const reader = new VarintReader(this.#codes, this.#offsets[i]!);
    const dictionary = this.#dictionary;
    let length = 0;
    let previousWord = false;
    while (reader.pos < end) {
      const units = dictionary.units(reader.read());
      const word = units.length > 0 && !isSpaceUnit(units[0]!);
      const needed = length + units.length + 1;
      if (needed > this.#scratch.length) {
        const grown = new Uint16Array(Math.max(needed, this.#scratch.length * 2));
        grown.set(this.#scratch.subarray(0, length));
        this.#scratch = grown;
      }
      if (word && previousWord) this.#scratch[length++] = 0x20;
      this.#scratch.set(units, length);
      length += units.length;
      previousWord = word;
    }
    return decodeUtf16(this.#scratch.subarray(0, length));
  }
}

/** The first code unit of a whitespace run (what `\s` matches, as far as the build's split makes runs). */
function isSpaceUnit(unit: number): boolean {
  return isSpace(String.fromCharCode(unit));
}
