/**
 * Splits text into words. Arabic words stay whole: diacritics, tatweel and zero-width joiners
 * are word characters here, so a word is never split on a mark. Latin and number tokens joined
 * by `-`, `.`, `_` or an apostrophe (`MK-84`, `3.5`, `U.S`) are kept findable both as the whole
 * token and as their parts.
 */
import { cleanWord } from './normalize.ts';

/** A word as it appears in the original text: `[start, end)` are UTF-16 offsets into that text. */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// A word starts with a letter or digit (\p{L}, \p{N}), then letters, digits, marks or format
// characters (\p{M}, \p{Cf}: ZWJ/ZWNJ, bidi marks), or a joiner followed by a letter or digit.
// The scanner below implements exactly this pattern; it is what snippets run over whole article
// bodies on every request, and a table lookup per code unit is several times faster than the regex.
const JOINERS = /[-_.'’]/;

const OTHER = 1;
const STARTS = 2; // \p{L} or \p{N}: starts or continues a word
const CONTINUES = 3; // \p{M} or \p{Cf}: only continues one
const JOINER = 4; // - _ . ' ’ : joins two words when a letter or digit follows

/** Class of each BMP code unit, filled on first sight (0 = not yet known). */
const classes = new Uint8Array(0x10000);
const STARTS_RE = /^[\p{L}\p{N}]$/u;
const CONTINUES_RE = /^[\p{M}\p{Cf}]$/u;

function classOf(char: string): number {
  if (STARTS_RE.test(char)) return STARTS;
  if (CONTINUES_RE.test(char)) return CONTINUES;
  return JOINERS.test(char) ? JOINER : OTHER;
}

/** Marks a class that belongs to a surrogate pair (two code units). */
const PAIR = 8;

/** Class of the code point at `i`, plus PAIR when it takes two code units. */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return classOf(text.slice(i, i + 2)) | PAIR;
  }
  const known = classes[unit]!;
  return known !== 0 ? known : (classes[unit] = classOf(text[i]!));
}

/** Every word of `text` with its offsets, in order. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const kind = classAt(text, i);
    i += kind & PAIR ? 2 : 1;
    if ((kind & ~PAIR) !== STARTS) continue;
    const start = i - (kind & PAIR ? 2 : 1);
    while (i < length) {
      const next = classAt(text, i);
      const base = next & ~PAIR;
      if (base === STARTS || base === CONTINUES) i += next & PAIR ? 2 : 1;
      else if (base === JOINER && i + 1 < length && (classAt(text, i + 1) & ~PAIR) === STARTS) i += 1;
      else break;
    }
    spans.push({ start, end: i, text: text.slice(start, i) });
  }
  return spans;
}

/**
 * The tokens of one original word, cleaned (see `cleanWord`): the word itself, and for a joined
 * token like `MK-84` also `mk84`, `mk` and `84`. Empty when nothing word-like is left.
 */
export function wordTokens(word: string): string[] {
  const cleaned = cleanWord(word);
  if (!JOINERS.test(cleaned)) return cleaned ? [cleaned] : [];
  const parts = cleaned.split(/[-_.'’]+/).filter(Boolean);
  return [parts.join(''), ...parts];
}

/** MiniSearch `tokenize`: all tokens of all words, in order. */
export function tokenize(text: string): string[] {
  return wordSpans(text).flatMap((span) => wordTokens(span.text));
}
