import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import { readSubset, titleQueries } from '../../bench/lib/scale-corpus.ts';
import { makeSnippet } from '../../src/search/highlight.ts';
import { containsRun } from '../../src/search/query.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { loadIndex, type LoadedIndex } from '../../src/search/read-index.ts';

/** Articles from SaudiNewsNet, and title-word queries over them. */
const ARTICLES = 400;
const QUERIES = 150;

describe('snippets from the compact index', () => {
  let articles: StoredArticle[];
  let index: LoadedIndex;

  beforeAll(() => {
    articles = readSubset(ARTICLES).articles;
    const data = buildIndexData(articles, { builtAt: '2026-01-01T00:00:00.000Z' });
    index = loadIndex({ manifest: data.manifest, indexBlob: data.blob });
  });

  it('equal the snippets made by analyzing the text, for every hit of every query', () => {
    const byId = new Map(articles.map((article) => [article.id, article]));
    let compared = 0;
    for (const q of titleQueries(articles, QUERIES)) {
      for (const result of index.miniSearch.search(q).slice(0, 10)) {
        const terms = new Set(result.terms);
        const stored = index.articles.get(String(result.id))!;
        const { analyzer } = index;
        const fromText = makeSnippet(byId.get(String(result.id))!.body, terms, { analyzer });
        const fromIndex = makeSnippet((maxChars) => stored.bodyPrefix!(maxChars), terms, { analyzer, findMatches: stored.bodyMatches!(terms) });
        expect(fromIndex, `${q} → ${result.id}`).toEqual(fromText);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(QUERIES * 5);
  });

  it('find quoted phrases in bodies exactly where analyzing the text finds them', () => {
    // Phrases of two to four consecutive words taken from bodies (so most are found), checked in
    // their own article and in others (so most are not).
    let found = 0;
    let compared = 0;
    for (const [n, article] of articles.entries()) {
      const words = article.body.split(/\s+/).filter((word) => word !== '');
      const start = (n * 37) % Math.max(1, words.length - 4);
      const phrase = index.analyzer.textTerms(words.slice(start, start + 2 + (n % 3)).join(' '));
      if (phrase.length < 2) continue;
      for (const other of [article, articles[(n + 1) % articles.length]!, articles[(n * 7) % articles.length]!]) {
        const expected = containsRun(index.analyzer.textTerms(other.body), phrase);
        expect(index.articles.get(other.id)!.bodyContainsRuns!([phrase]), `${phrase.join(' ')} in ${other.id}`).toBe(expected);
        if (expected) found++;
        compared++;
      }
    }
    expect(found).toBeGreaterThan(ARTICLES / 2);
    expect(compared - found).toBeGreaterThan(ARTICLES / 2);
  });
});
