import type { MatchFinder } from './highlight.ts';

/**
 * What the build writes and the Worker reads (see DESIGN.md, "Index format"; the file layout is
 * in src/search/compact/layout.ts).
 */

/** An article as stored for display: the original text, never normalized. */
export interface StoredArticle {
  id: string;
  title: string;
  body: string;
  source?: string;
  /** ISO 8601 as given in the corpus; its first 10 characters are the calendar date. */
  date?: string;
  url?: string;
  author?: string;
  tags?: string[];
  /** The start of `body` (at least `maxChars` characters when the body has them), for stores that can decode it without the rest. */
  bodyPrefix?(maxChars: number): string;
  /** Finds the body's words that match these index terms without analyzing the text (see highlight.ts MatchFinder). */
  bodyMatches?(terms: ReadonlySet<string>): MatchFinder;
  /** Whether the body holds every phrase (index terms in order) as a run, without analyzing the text. */
  bodyContainsRuns?(phrases: readonly (readonly string[])[]): boolean;
  /** At least the number of words of the body, known without decoding it: what reading it for a phrase costs. */
  bodyWords?(): number;
}

/** The suggestion vocabulary as the build makes it: parallel arrays sorted by `keys`. */
export interface VocabularyLists {
  /** Normalized (folded, unstemmed) words, sorted by code unit. */
  keys: string[];
  /** The most frequent way each word is written in the corpus, marks removed. */
  words: string[];
  /** How many articles contain each word. */
  counts: ArrayLike<number>;
}

/**
 * The suggestion vocabulary as completions and typo corrections read it: entries in key order
 * (see VocabularyLists), looked up without a string per entry (the compact file's is 100,000
 * words: as strings they were 11 MB of an isolate's 128 MB, and 27 ms of its startup).
 */
export interface Vocabulary {
  readonly size: number;
  /** The first entry whose key is not below `text` (code-unit order), or `size`. */
  lowerBound(text: string): number;
  /** Whether entry i's key is `text` (false for an i past the end). */
  keyIs(i: number, text: string): boolean;
  /** Whether entry i's key starts with `prefix` (false for an i past the end). */
  keyStartsWith(i: number, prefix: string): boolean;
  key(i: number): string;
  word(i: number): string;
  count(i: number): number;
}

/**
 * The article store as the routes read it: by id, and by position (a MatchList's) with the
 * columns that filters and facets read of every match, so that no article object is made for
 * a match that is not shown.
 */
export interface ArticleLookup {
  readonly size: number;
  get(id: string): StoredArticle | undefined;
  at(position: number): StoredArticle;
  /** Distinct sources, by code: code 0 is no source, code c is sources[c - 1]. */
  readonly sources: readonly string[];
  sourceCode(position: number): number;
  /** The date as stored, '' when there is none. */
  dateAt(position: number): string;
}

export interface IndexManifest {
  formatVersion: number;
  analyzerVersion: string;
  /** SHA-256 (hex) of the canonical JSON of every indexed article, sorted by id. */
  corpusHash: string;
  /** ISO 8601; from SOURCE_DATE_EPOCH when set, so that builds are reproducible. */
  builtAt: string;
  articles: number;
  terms: number;
  /** A sharded corpus (the public Worker's manifest): how many shards hold its articles. */
  shards?: number;
  /** One shard's manifest: which one, and where its articles start in the whole corpus's id order. */
  shard?: ShardPlace;
  /** Not written by the build: set by the Worker while it serves a live set over the index (src/live/). */
  live?: LiveState;
}

/** Which version of the live set an answer comes from (it keys ETags and the edge cache). */
export interface LiveState {
  /** The store's identity and change sequence. */
  epoch: string;
  sequence: number;
  /** Live articles (new or replacing a base article) and base articles hidden (retracted or replaced). */
  articles: number;
  hidden: number;
}

export interface ShardPlace {
  index: number;
  of: number;
  /** Position of its first article among all articles sorted by id (its short id in the unsharded index). */
  first: number;
}
