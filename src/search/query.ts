/**
 * Query syntax: free words, `"quoted phrases"` (those words, in that order) and `-word`
 * exclusions. Pure given the index's analyzer, which turns the words into index terms here too,
 * so that the engine, the cache key and the highlighter all see the same terms.
 */
import type { Analyzer } from '../text/analyze.ts';
import { wordSpans, wordTokens } from '../text/tokenize.ts';

export interface ParsedQuery {
  /** Words to look for, as typed (phrase words included). */
  words: string[];
  /** Index terms of each phrase, in order; a document must contain each as a run. */
  phrases: string[][];
  /** Words whose documents are left out, as typed. */
  excluded: string[];
  /** Words of each quoted part as typed (one-word quotes included): what the work budget counts. */
  quoted: number[];
}

// A quoted run ("…", “…”, «…»), or a token of non-space characters.
const PART = /["“”«»]([^"“”«»]*)["“”«»]|(\S+)/g;

/** What the engine searches for a piece of query text: each word's terms, other readings included (see `Analyzer.queryTerms`). */
function queryTerms(text: string, analyzer: Analyzer): (string | string[])[] {
  const tokens = wordSpans(text).flatMap((span) => wordTokens(span.text));
  return tokens.map(analyzer.queryTerms).filter((terms) => terms !== null);
}

export function parseQuery(q: string, analyzer: Analyzer): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], excluded: [], quoted: [] };
  for (const match of q.matchAll(PART)) {
    const [, quoted, token] = match;
    if (quoted !== undefined) {
      const words = wordSpans(quoted).map((span) => span.text);
      parsed.words.push(...words);
      if (words.length > 0) parsed.quoted.push(words.length);
      const terms = analyzer.textTerms(quoted);
      if (terms.length > 1) parsed.phrases.push(terms);
    } else if (token !== undefined && token.length > 1 && token.startsWith('-')) {
      parsed.excluded.push(...wordSpans(token.slice(1)).map((span) => span.text));
    } else if (token !== undefined) {
      parsed.words.push(...wordSpans(token).map((span) => span.text));
    }
  }
  return parsed;
}

/** True when `terms` contains `phrase` as a contiguous run. */
export function containsRun(terms: readonly string[], phrase: readonly string[]): boolean {
  const last = terms.length - phrase.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (terms[i + j] !== phrase[j]) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * What the engine will search for, as a string: two queries with the same key have the same
 * results, highlights included (`بوتين` and `بُوتِين`, `أمريكا` and `امريكا`).
 */
export function queryKey(parsed: ParsedQuery, analyzer: Analyzer): string {
  return JSON.stringify([queryTerms(parsed.words.join(' '), analyzer), parsed.phrases, queryTerms(parsed.excluded.join(' '), analyzer)]);
}
