/**
 * Every match of a query, without a result object per match. A broad query over the whole
 * archive matches tens of thousands of articles; the search's filter and facet pass reads only
 * their positions and scores, and MiniSearch results are made for the page that is shown.
 */
import type { SearchResult } from 'minisearch';

export interface MatchList {
  readonly length: number;
  /** The i-th match's position in the article store. */
  position(i: number): number;
  /** The i-th match's score. Matches rank by score, descending; ties by i, ascending. */
  score(i: number): number;
  /** MiniSearch's result for the i-th match (terms, fields, score). */
  result(i: number): SearchResult;
}

/** A list over MiniSearch's own results (already in rank order). */
export function matchListOf(results: readonly SearchResult[], positionOf: (id: string) => number): MatchList {
  return {
    length: results.length,
    position: (i) => positionOf(String(results[i]!.id)),
    score: (i) => results[i]!.score,
    result: (i) => results[i]!,
  };
}
