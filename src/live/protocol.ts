/**
 * What the Worker and the live store (the LiveStore Durable Object) say to each other over RPC.
 * The store knows only the live set; whether the embedded index holds an id is the Worker's to
 * say, so that 201/200 and 204/404 are decided in the store's one transaction.
 */
import type { StoredArticle } from '../search/index-format.ts';

export type WriteOperation = { kind: 'upsert'; article: StoredArticle; hash: string; inBase: boolean } | { kind: 'retract'; id: string; inBase: boolean };

/** `unknown`: a retraction of an id that neither the base nor the live set holds (nothing written). */
export type WriteOutcome = 'created' | 'replaced' | 'retracted' | 'unknown';

export interface WriteResult {
  id: string;
  outcome: WriteOutcome;
  /** The change sequence after this write (unchanged for `unknown`). */
  sequence: number;
}

/** An id's latest state: its article, or null once retracted. */
export interface LiveChange {
  id: string;
  sequence: number;
  article: StoredArticle | null;
  /** SHA-256 of the article as stored (src/corpus/article-hash.ts); null once retracted. */
  hash: string | null;
}

export interface ChangeBatch {
  /** The store's identity: a store made afresh has another, and its sequence starts over. */
  epoch: string;
  /** The store's sequence when the batch was read. */
  sequence: number;
  /** The changes after the asked sequence, or all entries when `full` (another epoch, or since 0). */
  full: boolean;
  changes: LiveChange[];
  /** More changes follow: ask again from the last one's sequence. */
  more: boolean;
}

/** The one store of a deployment. */
export const LIVE_STORE_NAME = 'live-set';

/**
 * Live articles the store holds at most. Every isolate keeps the live set in memory and analyzes
 * each of its articles once (about 0.4 ms apiece, bench/RESULTS.md "Live updates"), so the set is
 * for the articles since the last deploy, not a second archive: past this a write is refused
 * until the next build folds the set into the base (folded entries are then forgotten).
 */
export const MAX_LIVE_ARTICLES = 5000;
/** The store's answer to a write it did not commit because the set would pass MAX_LIVE_ARTICLES (a 507 problem). */
export interface LiveSetFull {
  full: true;
  /** Live articles the set would have held. */
  held: number;
}
