/**
 * searchArticles over the compact index (one pass over typed columns, top-k selection, results
 * made for the page only) answers what the straightforward way answers: every match of plain
 * MiniSearch as a result object, filtered, faceted and sorted in full, then sliced.
 */
import { existsSync } from 'node:fs';
import MiniSearch, { type Query } from 'minisearch';
import { snnFixture } from './support/saudinewsnet.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAUDINEWSNET, seededRandom, titleQueries } from '../../bench/lib/scale-corpus.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { minisearchOptions, type IndexedFields } from '../../src/search/options.ts';
import { parseQuery } from '../../src/search/query.ts';
import type { LoadedIndex } from '../../src/search/read-index.ts';
import { searchArticles, type SearchRequest } from '../../src/search/search-articles.ts';

let articles: Map<string, StoredArticle>;
let plain: MiniSearch<IndexedFields>;
let compact: LoadedIndex;
let sources: string[];

/** The reference: whole result lists, in the obvious order of operations. */
function reference(request: SearchRequest): { total: number; ids: string[]; facets: Record<string, number> } {
  const parsed = parseQuery(request.q, compact.analyzer);
  const positive = parsed.words.join(' ');
  const query: Query =
    parsed.excluded.length === 0
      ? positive
      : {
          combineWith: 'AND_NOT',
          queries: [
            { combineWith: 'OR', queries: [positive] },
            { combineWith: 'OR', queries: [parsed.excluded.join(' ')] },
          ],
        };
  const facets: Record<string, number> = {};
  const kept = plain.search(query).flatMap((result) => {
    const article = articles.get(String(result.id))!;
    const day = article.date?.slice(0, 10);
    if (
      (request.from !== undefined || request.to !== undefined) &&
      (day === undefined || (request.from !== undefined && day < request.from) || (request.to !== undefined && day > request.to))
    )
      return [];
    if (article.source !== undefined) facets[article.source] = (facets[article.source] ?? 0) + 1;
    if (request.sources.length > 0 && !request.sources.includes(article.source ?? '')) return [];
    return [{ id: article.id, date: article.date ?? '', score: result.score }];
  });
  // Array.prototype.sort is stable: ties keep MiniSearch's order.
  if (request.sort === 'newest') kept.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.score - a.score));
  return { total: kept.length, ids: kept.slice(request.offset, request.offset + request.limit).map((hit) => hit.id), facets };
}

describe.skipIf(!existsSync(SAUDINEWSNET))('the search pass over every match', () => {
  beforeAll(() => {
    const fixture = snnFixture();
    const subset = fixture.articles;
    articles = new Map(subset.map((article) => [article.id, article]));
    compact = fixture.index;
    plain = new MiniSearch<IndexedFields>(minisearchOptions(compact.analyzer));
    for (const { id, title, body } of [...subset].sort((a, b) => (a.id < b.id ? -1 : 1))) plain.add({ id, title, body });
    sources = [...new Set(subset.flatMap((article) => article.source ?? []))];
  }, 120_000);

  it('pages, totals and facets equal the full sort, with filters, sorting and exclusions', () => {
    const random = seededRandom(11);
    const queries = titleQueries([...articles.values()], 200, 3);
    let withHits = 0;
    for (const [n, words] of queries.entries()) {
      // Quote marks dropped: phrases are held to text analysis in compact-snippets.test.ts.
      const plainWords = words.replace(/["“”«»]/g, '');
      const q = n % 5 === 4 ? `${plainWords} -${plainWords.split(' ').at(-1)}` : plainWords;
      const request: SearchRequest = {
        q,
        limit: 1 + Math.floor(random() * 20),
        offset: n % 3 === 0 ? Math.floor(random() * 30) : 0,
        sources: n % 4 === 1 ? [sources[Math.floor(random() * sources.length)]!] : [],
        ...(n % 6 === 2 ? { from: '2015-06-01' } : {}),
        ...(n % 6 === 3 ? { from: '2015-05-01', to: '2015-06-30' } : {}),
        sort: n % 2 === 0 ? 'newest' : 'relevance',
      };
      const actual = searchArticles(compact, request);
      const expected = reference(request);
      expect({ total: actual.total, ids: actual.hits.map((hit) => hit.id) }, JSON.stringify(request)).toEqual({ total: expected.total, ids: expected.ids });
      expect(actual.facets.source, JSON.stringify(request)).toEqual(expected.facets);
      if (actual.hits.length > 0) withHits++;
    }
    expect(withHits).toBeGreaterThan(100);
  });

  it('lists sources in the facet most frequent first', () => {
    const counts = Object.values(searchArticles(compact, { q: 'السعودية', limit: 10, offset: 0, sources: [], sort: 'relevance' }).facets.source);
    expect(counts.length).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
