/**
 * Shards' pages → the page one unsharded index would give. Every shard scores with the whole
 * corpus's statistics (build-index/compact/encode-index.ts), so scores compare across shards;
 * ties are broken by `firstMatch`, the unsharded index's own insertion order. Pure.
 */
import type { SearchRequest } from './search-articles.ts';
import type { SearchPage, RankedHit } from './search-articles.ts';

/** A place on the merged page: which shard, and the entry's rank on that shard's page. */
export interface PagePlace {
  shard: number;
  rank: number;
  entry: RankedHit;
}

export interface MergedPage {
  total: number;
  sourceCounts: Record<string, number>;
  /** The requested page, in order. */
  page: PagePlace[];
  /** Some page was an estimate (SearchPage.estimated), so the sums are too. */
  estimated?: true;
}

function byRelevance(a: RankedHit, b: RankedHit): number {
  return b.score - a.score || a.firstMatch - b.firstMatch;
}

function byDate(a: RankedHit, b: RankedHit): number {
  return a.date !== b.date ? (a.date < b.date ? 1 : -1) : byRelevance(a, b);
}

/** `pages[s]` is shard s's page, or undefined when it did not answer (its matches are then missing). */
export function mergePages(pages: readonly (SearchPage | undefined)[], request: Pick<SearchRequest, 'offset' | 'limit' | 'sort'>): MergedPage {
  const compare = request.sort === 'newest' ? byDate : byRelevance;
  const sourceCounts: Record<string, number> = {};
  const places: PagePlace[] = [];
  let total = 0;
  let estimated = false;
  for (const [shard, page] of pages.entries()) {
    if (page === undefined) continue;
    total += page.total;
    if (page.estimated) estimated = true;
    for (const [source, count] of Object.entries(page.sourceCounts)) sourceCounts[source] = (sourceCounts[source] ?? 0) + count;
    for (const [rank, entry] of page.ranked.entries()) places.push({ shard, rank, entry });
  }
  places.sort((a, b) => compare(a.entry, b.entry));
  return { total, sourceCounts, page: places.slice(request.offset, request.offset + request.limit), ...(estimated ? { estimated } : {}) };
}
