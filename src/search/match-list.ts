/**
 * Every match of a query, without a result object per match. A broad query over the whole
 * archive matches tens of thousands of articles; the search's filter and facet pass reads only
 * their positions and scores, and details are made for the page that is shown.
 */

/** What a match is made of: the index terms it matched and, per term, the fields it matched in. */
export interface MatchDetail {
  id: string;
  score: number;
  /** Matched index terms, in query order. */
  terms: readonly string[];
  /** Matched term → the fields it matched in, in search-field order. */
  match: Readonly<Record<string, readonly string[]>>;
}

export interface MatchList {
  readonly length: number;
  /** The i-th match's position in the article store. */
  position(i: number): number;
  /** The i-th match's score. Matches rank by score, descending; ties by i, ascending. */
  score(i: number): number;
  /** The i-th match's terms and fields, without an object per match (matches alike share one, frozen). */
  matched(i: number): Pick<MatchDetail, 'terms' | 'match'>;
  /**
   * A test of whether the i-th match matched every one of `terms` (in any field): what a phrase
   * needs before its text is read, without making each match's terms (a broad query has tens of
   * thousands of matches).
   */
  matchedAll(terms: readonly string[]): (i: number) => boolean;
  /** The i-th match's terms, fields and score. */
  detail(i: number): MatchDetail;
}

/** The analyzed terms of one part of a query (in query order) and the weight of each field for them. */
export interface QueryPart {
  terms: readonly string[];
  boost: Readonly<Record<string, number>>;
}
