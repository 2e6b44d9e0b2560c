import { snnFixture } from './support/saudinewsnet.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { titleQueries } from '../../bench/lib/scale-corpus.ts';
import { highlightRanges, makeSnippet } from '../../src/search/highlight.ts';
import { containsRun } from '../../src/search/query.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import type { LoadedIndex } from '../../src/search/read-index.ts';
import { FIELD_BOOSTS } from '../../src/search/options.ts';

/** Title-word queries over the SaudiNewsNet fixture, and the articles whose bodies are searched for phrases. */
const QUERIES = 150;
const PHRASE_ARTICLES = 400;

describe('snippets from the compact index', () => {
  let articles: StoredArticle[];
  let index: LoadedIndex;

  beforeAll(() => {
    ({ articles, index } = snnFixture());
  });

  it('equal the snippets made by analyzing the text, for every hit of every query', () => {
    const byId = new Map(articles.map((article) => [article.id, article]));
    let compared = 0;
    for (const q of titleQueries(articles, QUERIES)) {
      const matches = index.match([{ terms: index.analyzer.searchTerms(q), boost: FIELD_BOOSTS }]);
      const best = Array.from({ length: matches.length }, (_, i) => i).sort((a, b) => matches.score(b) - matches.score(a) || a - b);
      for (const result of best.slice(0, 10).map((i) => matches.detail(i))) {
        const terms = new Set(result.terms);
        const stored = index.articles.get(String(result.id))!;
        const { analyzer } = index;
        const fromText = makeSnippet(byId.get(String(result.id))!.body, terms, { analyzer });
        const fromIndex = makeSnippet((maxChars) => stored.bodyPrefix!(maxChars), terms, { analyzer, findMatches: stored.bodyMatches!(terms) });
        expect(fromIndex, `${q} → ${result.id}`).toEqual(fromText);
        expect(fromIndex.highlights, `${q} → ${result.id}: the excerpt's own words`).toEqual(highlightRanges(fromIndex.text, terms, analyzer));
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
    const sample = articles.slice(0, PHRASE_ARTICLES);
    for (const [n, article] of sample.entries()) {
      const words = article.body.split(/\s+/).filter((word) => word !== '');
      const start = (n * 37) % Math.max(1, words.length - 4);
      const phrase = index.analyzer.textTerms(words.slice(start, start + 2 + (n % 3)).join(' '));
      if (phrase.length < 2) continue;
      for (const other of [article, sample[(n + 1) % sample.length]!, sample[(n * 7) % sample.length]!]) {
        const expected = containsRun(index.analyzer.textTerms(other.body), phrase);
        expect(index.articles.get(other.id)!.bodyContainsRuns!([phrase]), `${phrase.join(' ')} in ${other.id}`).toBe(expected);
        if (expected) found++;
        compared++;
      }
    }
    expect(found).toBeGreaterThan(PHRASE_ARTICLES / 2);
    expect(compared - found).toBeGreaterThan(PHRASE_ARTICLES / 2);
  });
});
