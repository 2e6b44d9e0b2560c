/**
 * A corpus split into shards ranks as one index: each shard scores with the whole corpus's
 * statistics and the merge breaks ties in the unsharded index's order, so pages, totals and
 * facets are the unsharded ones, for a fixed set of 300 queries with filters, sorting and paging.
 */
import { existsSync } from 'node:fs';
import { FIXTURE_BUILT_AT, snnFixture } from './support/saudinewsnet.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildShardedIndexData, shardStarts } from '../../build-index/build-index-data.ts';
import { mixedRequests, SAUDINEWSNET } from '../../bench/lib/scale-corpus.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { loadIndex, type LoadedIndex } from '../../src/search/read-index.ts';
import { searchArticles, searchPage, sortedFacet, type SearchRequest } from '../../src/search/search-articles.ts';
import { mergePages } from '../../src/search/merge-pages.ts';

const SHARDS = 4;
const QUERIES = 300;
const BUILT_AT = FIXTURE_BUILT_AT;

let articles: StoredArticle[];
let whole: LoadedIndex;
let shards: LoadedIndex[];

function shardedSearch(request: SearchRequest) {
  const pages = shards.map((shard) => searchPage(shard, request, 0, request.offset + request.limit));
  const merged = mergePages(pages, request);
  return {
    total: merged.total,
    ids: merged.page.map(({ entry }) => entry.hit!.id),
    facets: sortedFacet(merged.sourceCounts),
    hits: merged.page.map(({ entry }) => entry.hit),
  };
}

describe.skipIf(!existsSync(SAUDINEWSNET))('sharded ranking', () => {
  beforeAll(() => {
    ({ articles, index: whole } = snnFixture());
    const sharded = buildShardedIndexData(articles, SHARDS, { builtAt: BUILT_AT });
    shards = sharded.shards.map((shard) => loadIndex({ manifest: shard.manifest, indexBlob: shard.blob }));
  }, 180_000);

  it('splits the corpus into shards of consecutive ids that cover it once', () => {
    expect(shards).toHaveLength(SHARDS);
    expect(shards.reduce((sum, shard) => sum + shard.articles.size, 0)).toBe(whole.articles.size);
    expect(shards.map((shard) => shard.manifest.shard!.first)).toEqual(
      shardStarts(
        [...articles].sort((a, b) => (a.id < b.id ? -1 : 1)),
        SHARDS,
      ),
    );
  });

  it('gives the unsharded top 10, totals and facets for 300 queries, with filters, sorting and paging', () => {
    const differences: unknown[] = [];
    for (const request of mixedRequests(articles, QUERIES)) {
      const expected = searchArticles(whole, request);
      const actual = shardedSearch(request);
      const wanted = { total: expected.total, ids: expected.hits.map((hit) => hit.id), facets: expected.facets.source };
      const got = { total: actual.total, ids: actual.ids, facets: actual.facets };
      if (JSON.stringify(wanted) !== JSON.stringify(got)) differences.push({ request, wanted, got });
      else expect(actual.hits).toEqual(expected.hits);
    }
    expect(differences).toEqual([]);
  });
});
