/**
 * The work budget of one search: how much a query may ask of the engine. Every query within it
 * costs at most a few milliseconds of CPU at 31,030 articles (bench/query-cost.ts, numbers in
 * bench/RESULTS.md "Work budget"); a query past it is refused with a 400 saying which part is
 * over, instead of holding the isolate's one thread for a hundred milliseconds or more.
 * The limits sit above what readers type: SaudiNewsNet headlines have 8 distinct words at the
 * median, 14 at p99 and 18 at p99.9, so a pasted headline almost always fits.
 */
import type { ParsedQuery } from './query.ts';

export const QUERY_BUDGET = {
  /** Distinct words to look for, phrase words included. */
  distinctWords: 20,
  /** Words to look for, repeats included. */
  words: 32,
  /** Quoted phrases; each is verified against the text of the articles that hold all its words. */
  phrases: 4,
  /** Words of one quoted phrase. */
  phraseWords: 12,
  /** `-word` exclusions. */
  exclusions: 5,
  /** Words that match nothing and are looked up for a correction (the rest are searched as typed). */
  correctedWords: 3,
  /** Articles whose text is read to verify the phrases, best ranked first; past it the totals are estimates. */
  phraseChecks: 300,
  /** Words of article bodies read to verify the phrases, all checked articles together (long bodies cost more than short ones). */
  phraseCheckWords: 100_000,
} as const;

/** Why `parsed` is over the budget, as a sentence for the reader; undefined when it is within it. */
export function budgetExcess(parsed: ParsedQuery): string | undefined {
  const distinct = new Set(parsed.words).size;
  if (distinct > QUERY_BUDGET.distinctWords)
    return `q has ${distinct} different words; the limit is ${QUERY_BUDGET.distinctWords}: keep the words that matter most`;
  if (parsed.words.length > QUERY_BUDGET.words) return `q has ${parsed.words.length} words; the limit is ${QUERY_BUDGET.words}`;
  if (parsed.quoted.length > QUERY_BUDGET.phrases) return `q has ${parsed.quoted.length} quoted phrases; the limit is ${QUERY_BUDGET.phrases}`;
  const longest = Math.max(0, ...parsed.quoted);
  if (longest > QUERY_BUDGET.phraseWords) return `a quoted phrase of q has ${longest} words; the limit is ${QUERY_BUDGET.phraseWords}`;
  if (parsed.excluded.length > QUERY_BUDGET.exclusions) return `q has ${parsed.excluded.length} -excluded words; the limit is ${QUERY_BUDGET.exclusions}`;
  return undefined;
}
