/**
 * Article bodies as word codes: every word and every run of spaces is a dictionary entry,
 * most frequent first, written as a varint of its rank; the single space between two words is
 * implied. News text repeats its words, so SaudiNewsNet's 96 MB of UTF-8 bodies become about
 * 18 MB of codes plus a 9 MB dictionary, decoded one body at a time in a few microseconds
 * without any decompressor (workerd has none that is synchronous).
 */
import { scanEnd, type MatchFinder, type TextMatch } from '../highlight.ts';
import { decodeUtf16, type StringColumn } from './string-column.ts';
import { VarintReader } from './varint.ts';

/** Words and the whitespace runs between them, as `split(/(\s+)/)` gives them, empty ones dropped. */
export function bodyTokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

export const isSpace = (token: string): boolean => /^\s/.test(token);

/** What the build analyzed ahead of time for snippets (see `bodyWordMatches` in layout.ts). */
export interface WordMatchParts {
  /** The index's sorted terms: match entries name terms by position in it. */
  terms: StringColumn;
  data: Uint8Array;
  offsets: Uint32Array;
}

export class BodyDecoder {
  readonly #dictionary: StringColumn;
  readonly #codes: Uint8Array;
  readonly #offsets: Uint32Array;
  readonly #wordMatches: WordMatchParts;
  #scratch = new Uint16Array(4096);

  /** `codes[offsets[i]..offsets[i+1])` are body i's token ranks; dictionary entry r is a word or a whitespace run. */
  constructor(dictionary: StringColumn, codes: Uint8Array, offsets: Uint32Array, wordMatches: WordMatchParts) {
    this.#dictionary = dictionary;
    this.#codes = codes;
    this.#offsets = offsets;
    this.#wordMatches = wordMatches;
  }

  /**
   * Whether body i holds every phrase (index terms, in order) as a run of consecutive terms:
   * the answer `containsRun(analyzeText(body), phrase)` gives (tested), from the build's terms
   * of each dictionary entry, without decoding or analyzing the body. A quoted common phrase
   * is checked against every article that has all its words, hundreds or thousands of bodies
   * in a large archive; one request's checks share what they learn about each word.
   */
  containsRuns(i: number, phrases: readonly (readonly string[])[]): boolean {
    const key = JSON.stringify(phrases);
    if (this.#phraseFinder?.key !== key) this.#phraseFinder = { key, find: this.#findPhrases(phrases) };
    return this.#phraseFinder.find(i);
  }

  #phraseFinder: { key: string; find: (i: number) => boolean } | undefined;

  #findPhrases(phrases: readonly (readonly string[])[]): (i: number) => boolean {
    const wanted = phrases.map((phrase) => phrase.map((term) => this.#wordMatches.terms.indexOf(term)));
    if (wanted.some((phrase) => phrase.includes(-1))) return () => false;
    const phraseTerms = new Set(wanted.flat());
    const window = Math.max(...wanted.map((phrase) => phrase.length));
    const { data, offsets } = this.#wordMatches;
    // What each dictionary entry holds, learned on first sight: most words of a body hold no
    // phrase term, and then only whether they hold any term matters (none: skipped like a
    // function word; some: the run is broken). Reading each entry's terms once per request,
    // not once per occurrence, is what keeps a common phrase affordable.
    const kinds = new Uint8Array(offsets.length - 1);
    const kindOf = (rank: number): number => {
      const entry = new VarintReader(data, offsets[rank]!);
      const count = entry.read();
      if (count === 0) return NO_TERMS;
      for (let n = 0; n < count; n++) if (phraseTerms.has(entry.read())) return PHRASE_TERMS;
      return OTHER_TERMS;
    };
    return (i) => {
      // The last `window` terms read, as a ring; other terms are all alike (BREAK).
      const recent = new Int32Array(window).fill(BREAK);
      const found = new Array<boolean>(wanted.length).fill(false);
      let remaining = wanted.length;
      let seen = 0;
      const take = (term: number): boolean => {
        recent[seen % window] = term;
        seen++;
        for (let p = 0; p < wanted.length; p++) {
          const phrase = wanted[p]!;
          if (found[p] || phrase[phrase.length - 1] !== term || seen < phrase.length) continue;
          let k = 1;
          while (k < phrase.length && recent[(seen - 1 - k) % window] === phrase[phrase.length - 1 - k]) k++;
          if (k < phrase.length) continue;
          found[p] = true;
          if (--remaining === 0) return true;
        }
        return false;
      };
      const end = this.#offsets[i + 1]!;
      for (const ranks = new VarintReader(this.#codes, this.#offsets[i]!); ranks.pos < end;) {
        const rank = ranks.read();
        let kind = kinds[rank]!;
        if (kind === UNKNOWN) kind = kinds[rank] = kindOf(rank);
        if (kind === NO_TERMS) continue;
        if (kind === OTHER_TERMS) {
          if (recent[(seen - 1 + window) % window] !== BREAK) take(BREAK);
          continue;
        }
        const entry = new VarintReader(data, offsets[rank]!);
        for (let count = entry.read(); count > 0; count--) {
          const term = entry.read();
          if (take(phraseTerms.has(term) ? term : BREAK)) return true;
        }
      }
      return false;
    };
  }

  /**
   * Finds body i's words that match `terms` from the build's analysis of each dictionary entry:
   * the same matches, at the same offsets, as analyzing the decoded text (tested), without
   * decoding or analyzing anything.
   */
  matchFinder(i: number, terms: ReadonlySet<string>): MatchFinder {
    const wanted = new Map<number, string>();
    for (const term of terms) {
      const position = this.#wordMatches.terms.indexOf(term);
      if (position >= 0) wanted.set(position, term);
    }
    return (maxChars, firstWithin) => {
      const matches: TextMatch[] = [];
      let end = maxChars;
      const last = this.#offsets[i + 1]!;
      const { units, offsets } = this.#dictionary.raw;
      const { data, offsets: matchOffsets } = this.#wordMatches;
      const ranks = new VarintReader(this.#codes, this.#offsets[i]!);
      let length = 0;
      let previousWord = false;
      // The same walk over word ranks as decode(), which must count characters the same way
      // (tests/build/compact-snippets.test.ts compares the offsets with the decoded text's).
      while (ranks.pos < last && length < end) {
        const rank = ranks.read();
        const from = offsets[rank]!;
        const to = offsets[rank + 1]!;
        const word = to > from && !isSpaceUnit(units[from]!);
        if (word && previousWord) length++;
        if (word && wanted.size > 0) {
          const entry = new VarintReader(data, matchOffsets[rank]!);
          for (let count = entry.read(); count > 0; count--) entry.read(); // the phrase terms
          for (let count = entry.read(); count > 0; count--) {
            const start = entry.read();
            const wordLength = entry.read();
            let term: string | undefined;
            for (let n = entry.read(); n > 0; n--) term ??= wanted.get(entry.read());
            if (term === undefined || length + start >= end) continue;
            if (matches.length === 0) end = scanEnd(maxChars, firstWithin, length + start);
            matches.push({ start: length + start, end: length + start + wordLength, term });
          }
        }
        length += to - from;
        previousWord = word;
      }
      return { matches, complete: ranks.pos >= last };
    };
  }

  /** Bytes of body i's codes: at least its number of words (each word and space run is one code of one or more bytes). */
  codeBytes(i: number): number {
    return this.#offsets[i + 1]! - this.#offsets[i]!;
  }

  /** Body i, or its first `maxChars` characters or a little more (whole words), when given. */
  decode(i: number, maxChars = Infinity): string {
    const end = this.#offsets[i + 1]!;
    const { units, offsets } = this.#dictionary.raw;
    const ranks = new VarintReader(this.#codes, this.#offsets[i]!);
    let scratch = this.#scratch;
    let length = 0;
    let previousWord = false;
    while (ranks.pos < end && length < maxChars) {
      const rank = ranks.read();
      const from = offsets[rank]!;
      const to = offsets[rank + 1]!;
      const word = to > from && !isSpaceUnit(units[from]!);
      if (length + (to - from) + 1 > scratch.length) {
        const grown = new Uint16Array(Math.max(length + (to - from) + 1, scratch.length * 2));
        grown.set(scratch.subarray(0, length));
        scratch = this.#scratch = grown;
      }
      if (word && previousWord) scratch[length++] = 0x20;
      for (let k = from; k < to; k++) scratch[length++] = units[k]!;
      previousWord = word;
    }
    return decodeUtf16(scratch.subarray(0, length));
  }
}

/** What a dictionary entry holds, for phrases (see BodyDecoder.containsRuns). */
const UNKNOWN = 0;
const NO_TERMS = 1;
const OTHER_TERMS = 2;
const PHRASE_TERMS = 3;
/** A term that is in no phrase: all such terms break a run alike. */
const BREAK = -1;

/** Whether a code unit is one that `\s` matches (the build's split makes runs of them). */
function isSpaceUnit(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}
