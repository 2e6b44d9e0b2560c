/**
 * Snippets and highlights on the original text. Every word of the original is analyzed like
 * the index analyzes it, so a highlight covers exactly the word as written, diacritics and
 * clitics included (`وبِبوتين` is highlighted whole when `بوتين` matched).
 */
import type { Analyzer } from '../text/analyze.ts';
import { wordSpans, type WordSpan } from '../text/tokenize.ts';

/** `[start, end)` in UTF-16 code units. */
export type Range = [number, number];

export interface Snippet {
  text: string;
  highlights: Range[];
}

/** Default snippet length in characters: two lines of a result list. */
export const SNIPPET_LENGTH = 220;
/** The first `maxChars` characters of a text or more (a whole body is fine); lets a store skip decoding the rest. */
export type TextPrefix = (maxChars: number) => string;

/** Where snippets look for matches first, and at most (characters from the start of the text). */
const FIRST_SCAN_CHARS = 1000;
const MAX_SCAN_CHARS = 50_000;
/** How much text to keep before the first match, so it is read in context. */
const LEAD_IN = 50;

function matchingTerm(span: WordSpan, terms: ReadonlySet<string>, analyzer: Analyzer): string | undefined {
  // The query reading of a word also covers a clitic before it (`وبِبُوتين` for `بوتين`).
  return analyzer.wordTerms(span.text).find((term) => terms.has(term));
}

/** Ranges of the words of `text` whose index term is in `terms`. */
export function highlightRanges(text: string, terms: ReadonlySet<string>, analyzer: Analyzer): Range[] {
  return wordSpans(text)
    .filter((span) => matchingTerm(span, terms, analyzer) !== undefined)
    .map((span) => [span.start, span.end]);
}

/** Longer words are cut where a prefix ends (no real word is this long). */
const MAX_WORD_CHARS = 64;

/** A matched word: where it starts and ends in the text, and the index term it matched. */
export interface TextMatch {
  start: number;
  end: number;
  term: string;
}

/**
 * Matches among the words that start in the first `maxChars` characters of a text, and whether
 * those characters were the whole text.
 * A store that knows its texts' words ahead of time (the compact index) finds them without
 * analyzing anything at request time; otherwise the words are analyzed here.
 */
export type MatchFinder = (maxChars: number, firstWithin?: number) => { matches: TextMatch[]; complete: boolean };

/** Where a scan stops: `maxChars`, or `firstWithin` characters after the first match when given. */
export function scanEnd(maxChars: number, firstWithin: number | undefined, firstMatch: number): number {
  return firstWithin === undefined ? maxChars : Math.min(maxChars, firstMatch + firstWithin);
}

function analyzedMatches(prefix: TextPrefix, terms: ReadonlySet<string>, analyzer: Analyzer): MatchFinder {
  return (maxChars, firstWithin) => {
    // Matches are the words that start before the end, read whole (a longer prefix than asked).
    const text = prefix(maxChars + MAX_WORD_CHARS);
    const matches: TextMatch[] = [];
    let end = maxChars;
    for (const span of wordSpans(text)) {
      if (span.start >= end) break;
      const term = matchingTerm(span, terms, analyzer);
      if (term === undefined) continue;
      if (matches.length === 0) end = scanEnd(maxChars, firstWithin, span.start);
      matches.push({ start: span.start, end: span.end, term });
    }
    return { matches, complete: text.length < maxChars };
  };
}

/** Start of the window of `length` characters that holds the most distinct matched terms. */
function bestWindowStart(matches: readonly TextMatch[], length: number): number {
  let best = { start: 0, distinct: 0 };
  for (const [i, first] of matches.entries()) {
    const windowStart = Math.max(0, first.start - LEAD_IN);
    const seen = new Set<string>();
    for (let j = i; j < matches.length && matches[j]!.start < windowStart + length; j++) seen.add(matches[j]!.term);
    if (seen.size > best.distinct) best = { start: windowStart, distinct: seen.size };
  }
  return best.start;
}

/**
 * A plain-text excerpt of `text` of about `length` characters around the densest cluster of
 * matches (the beginning when nothing matches), cut on word boundaries, whitespace collapsed,
 * with the highlight ranges inside it. `findMatches` replaces analyzing the text's words (see
 * MatchFinder); it must find what analysis would.
 */
export interface SnippetOptions {
  /** Analyzes the excerpt's words for highlights (and the text's, without `findMatches`). */
  analyzer: Analyzer;
  /** Characters of the excerpt; default SNIPPET_LENGTH. */
  length?: number;
  /** False when the article matched on its title only: the excerpt is the opening. Default true. */
  textMatched?: boolean;
  findMatches?: MatchFinder;
}

export function makeSnippet(source: string | TextPrefix, terms: ReadonlySet<string>, options: SnippetOptions): Snippet {
  const { analyzer, length = SNIPPET_LENGTH, textMatched = true, findMatches } = options;
  const prefix: TextPrefix = typeof source === 'string' ? (maxChars) => source.slice(0, maxChars) : source;
  const find = findMatches ?? analyzedMatches(prefix, terms, analyzer);
  let windowStart = 0;
  // The matches found, complete for the words that start before `covered`: the excerpt's
  // highlights come from them when its window lies within, instead of analyzing its words again.
  let found: readonly TextMatch[] = [];
  let covered = 0;
  if (textMatched) {
    // Looking at every word of a long article for each hit would eat the request's CPU budget,
    // and news states its subject first: look in the opening, further only when it has no match.
    const opening = find(FIRST_SCAN_CHARS + length);
    ({ matches: found } = opening);
    covered = opening.complete ? Infinity : FIRST_SCAN_CHARS + length;
    windowStart = bestWindowStart(found, length);
    // Past the opening, the window goes to the first match (and what follows it): reading the
    // rest of a long article for a denser cluster cost more than the rest of the search.
    if (found.length === 0 && !opening.complete) {
      const further = find(MAX_SCAN_CHARS, length);
      found = further.matches;
      covered = further.complete ? Infinity : scanEnd(MAX_SCAN_CHARS, length, found[0]?.start ?? Infinity);
      windowStart = bestWindowStart(found, length);
    }
  }
  // A little past the window, for the punctuation that closes its last word.
  const text = prefix(windowStart + length + 16);
  const inWindow = wordSpans(text).filter((span) => span.start >= windowStart && span.end <= windowStart + length);
  const first = inWindow[0];
  const last = inWindow[inWindow.length - 1];
  if (first === undefined || last === undefined) return { text: '', highlights: [] };
  // Keep the punctuation that closes the last word (a full stop, a closing quote).
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(last.end))?.[0] ?? '';
  const raw = text.slice(first.start, last.end + tail.length);
  const excerpt = raw.replace(/\s+/g, ' ');
  if (windowStart + length > covered) return { text: excerpt, highlights: highlightRanges(excerpt, terms, analyzer) };
  const inExcerpt = found.filter((match) => match.start >= first.start && match.end <= last.end);
  return { text: excerpt, highlights: collapsedRanges(raw, first.start, inExcerpt) };
}

/**
 * The matches' ranges in `raw` (which starts at `offset` of the text) once each run of
 * whitespace in it is one space: where they are in the excerpt.
 */
function collapsedRanges(raw: string, offset: number, matches: readonly TextMatch[]): Range[] {
  const ranges: Range[] = [];
  const spaces = /\s{2,}/g;
  let removed = 0;
  let next = spaces.exec(raw);
  for (const { start, end } of matches) {
    // Whitespace before the word shortens the excerpt; none is inside a word.
    while (next !== null && next.index < start - offset) {
      removed += next[0].length - 1;
      next = spaces.exec(raw);
    }
    ranges.push([start - offset - removed, end - offset - removed]);
  }
  return ranges;
}
