/**
 * The work budget's bound on phrase verification (src/search/budget.ts): when more articles hold
 * a phrase's words than it verifies, the answer says `estimated`, its hits are the best ranked
 * articles that hold the phrase, and its total counts only those checked; below the bound the
 * answer is exact and unflagged.
 */
import { describe, expect, it } from 'vitest';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import { QUERY_BUDGET } from '../../src/search/budget.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { loadIndex } from '../../src/search/read-index.ts';
import { searchArticles, type SearchRequest } from '../../src/search/search-articles.ts';

const CHECKS = QUERY_BUDGET.phraseChecks;

/** `count` articles holding both words; every third holds them as the phrase "غيمة زرقاء". */
function corpus(count: number): StoredArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${String(i).padStart(5, '0')}`,
    title: `خبر رقم ${i}`,
    body: i % 3 === 0 ? `رأينا غيمة زرقاء فوق المدينة ${i}.` : `غيمة فوق البحر، والسماء زرقاء في الخبر ${i}.`,
  }));
}

const request = (q: string): SearchRequest => ({ q, limit: 10, offset: 0, sources: [], sort: 'relevance' });

function open(articles: StoredArticle[]) {
  const data = buildIndexData(articles, { builtAt: '2026-01-01T00:00:00.000Z' });
  return loadIndex({ manifest: data.manifest, indexBlob: data.blob });
}

describe('phrase verification under the work budget', () => {
  it('answers exactly, without estimated, when no more articles than the budget hold the words', () => {
    const index = open(corpus(CHECKS));
    const answer = searchArticles(index, request('"غيمة زرقاء"'));
    expect(answer.estimated).toBeUndefined();
    expect(answer.total).toBe(Math.ceil(CHECKS / 3));
  });

  it('flags the answer as estimated past the budget, with hits that all hold the phrase', () => {
    const articles = corpus(CHECKS * 4);
    const index = open(articles);
    const answer = searchArticles(index, request('"غيمة زرقاء"'));
    expect(answer.estimated).toBe(true);
    // Only the checked articles are counted: at most the budget, and fewer than all that hold the phrase.
    expect(answer.total).toBeLessThanOrEqual(CHECKS);
    expect(answer.total).toBeLessThan(articles.filter((article) => article.body.includes('غيمة زرقاء')).length);
    expect(answer.hits).toHaveLength(10);
    for (const hit of answer.hits) expect(index.articles.get(hit.id)!.body).toContain('غيمة زرقاء');
  });

  /** `count` articles whose bodies hold the phrase after `words` filler words: each costs that much to check. */
  const longBodies = (count: number, words: number, title: (i: number) => string): StoredArticle[] =>
    Array.from({ length: count }, (_, i) => ({ id: `l${String(i).padStart(4, '0')}`, title: title(i), body: `${'كلام '.repeat(words)}غيمة زرقاء ${i}.` }));

  it('stops reading bodies at the budget of words, long before the budget of articles', () => {
    const perBody = Math.ceil(QUERY_BUDGET.phraseCheckWords / 8);
    const articles = longBodies(40, perBody, (i) => `خبر رقم ${i}`);
    const answer = searchArticles(open(articles), request('"غيمة زرقاء"'));
    expect(articles.length).toBeLessThan(CHECKS);
    expect(answer.estimated).toBe(true);
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.total).toBeLessThanOrEqual(8);
    for (const hit of answer.hits) expect(articles.find((article) => article.id === hit.id)!.body).toContain('غيمة زرقاء');
  });

  it('verifies a phrase held by the titles without reading the bodies, exactly', () => {
    const perBody = Math.ceil(QUERY_BUDGET.phraseCheckWords / 8);
    const articles = longBodies(40, perBody, (i) => `غيمة زرقاء في الخبر ${i}`);
    const answer = searchArticles(open(articles), request('"غيمة زرقاء"'));
    expect(answer.estimated).toBeUndefined();
    expect(answer.total).toBe(articles.length);
  });
});
