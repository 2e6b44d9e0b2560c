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

// A word starts with a letter or digit, then letters, digits, marks or format characters
// (ZWJ/ZWNJ, bidi marks), or a joiner followed by a letter or digit.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*(?:[-_.'’][\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*)*/gu;
const JOINERS = /[-_.'’]/;

/** Every word of `text` with its offsets, in order. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
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
