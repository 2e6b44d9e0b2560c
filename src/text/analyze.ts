/**
 * The analyzer: what a token becomes in the index and in a query (docs/analyzer.md explains
 * every rule and what it measured). `analyzeToken` is MiniSearch's `processTerm` for documents
 * and the term of each query word; `analyzeQueryToken` adds, for queries only, the reading of a
 * word without a lone preposition.
 *
 * Order matters, as in Lucene's filter chain: stop words are decided on the cleaned word before
 * letters are folded (`على` the preposition, `علي` the name), then letters are folded, known
 * spelling variants rewritten, the word stemmed, and a broken plural mapped to its singular.
 */
import { BROKEN_PLURALS } from './broken-plurals.ts';
import { cleanWord, foldLetters } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stopwords.ts';
import { canonicalSpelling } from './variants.ts';

/**
 * Bumped whenever the analyzer's output changes, so a Worker never searches an index built
 * with another analyzer (the build stamps it, the Worker checks it).
 */
export const ANALYZER_VERSION = 'light10-ar-3';

/**
 * Results of recent tokens. Running text repeats its words (the index build, phrase checks and
 * highlighting analyze the same words again and again), and the analysis is pure, so a bounded
 * memo is safe; it is emptied when full rather than tracking recency, which keeps it cheap.
 */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 50_000;

/** A hamza written on the alef of a leading `ال` (after clitics) marks it as part of the word, not the article. */
const HAMZATED_AL = /^[وف]?[بلك]?[أإآ]ل/;

function stemOf(token: string): string {
  return stem(canonicalSpelling(foldLetters(token)), { article: !HAMZATED_AL.test(token) });
}

/** Stem of each broken plural → stem of its singular, derived with the stemmer itself so the two never drift apart. */
const SINGULAR_STEMS = new Map(BROKEN_PLURALS.map(([plural, singular]) => [stemOf(cleanWord(plural)), stemOf(cleanWord(singular))]));

function analyze(token: string): string | null {
  if (isStopWord(token)) return null;
  const term = stemOf(token);
  if (term.length === 0) return null;
  return SINGULAR_STEMS.get(term) ?? term;
}

/**
 * A lone preposition (ب ك ل), maybe after و or ف, before at least three letters that do not start
 * with the article (`بال…`, `لل…` are handled by the stemmer's prefixes).
 */
const LONE_PREPOSITION = /^[وف]?(?:[بك](?!ال)|ل(?!ال|ل))(?=[\u0621-\u064A]{3,}$)/;

/**
 * Query terms of a cleaned token: its index term, and for a word that may start with a lone
 * preposition (`لشاكيرا`, `بمصر`, `وبسويسرا`) also the term of the word without it. Only
 * queries are expanded: stripping such a letter in the index would cut names that start with
 * it (`بريطانيا`, `لبنان`, `كندا`), while an extra query term that matches nothing costs nothing.
 */
export function analyzeQueryToken(token: string): string | string[] | null {
  const term = analyzeToken(token);
  if (term === null) return null;
  const terms = [term];
  const preposition = LONE_PREPOSITION.exec(foldLetters(token));
  if (preposition !== null) terms.push(analyzeToken(token.slice(preposition[0].length)) ?? term);
  // A leading و is either the conjunction or the word's first letter (`وزير`, `وكالة`, `وطن`); the
  // stemmer reads it as the conjunction, so with the article the same word keeps it (`الوزير` → `وزير`).
  // The query searches both readings; the index keeps one term per word.
  if (LEADING_WAW.test(token)) terms.push(analyzeToken(`ال${token}`) ?? term);
  const distinct = [...new Set(terms)];
  return distinct.length === 1 ? term : distinct;
}

/** A word starting with و that is not و + article: the و may belong to the word. */
const LEADING_WAW = /^و(?!ال|لل)[\u0621-\u064A]{3,}$/;

/** Index term of a cleaned token (output of `wordTokens`, not folded), or null for a function word. */
export function analyzeToken(token: string): string | null {
  let term = memo.get(token);
  if (term === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    term = analyze(token);
    memo.set(token, term);
  }
  return term;
}
