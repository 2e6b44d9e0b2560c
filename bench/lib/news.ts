/**
 * News regression check on SaudiNewsNet: a headline, typed as a query, must find its own
 * article. Two settings: the product's (title and body indexed, so rank 1 is expected) and a
 * harder one where only bodies are indexed, so the analyzer has to match headline words to
 * the way the body writes them.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { searchArticles } from '../../src/search/search-articles.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { productIndex } from './engines.ts';
import { runQueries, score, type Scores } from './metrics.ts';

interface NewsRecord {
  title: string;
  content: string;
}

/** The first `count` articles with a headline of at least three words, headlines and bodies unique. */
export function loadNews(url: URL, count: number): StoredArticle[] {
  const lines = gunzipSync(readFileSync(url)).toString('utf8').split('\n');
  const articles: StoredArticle[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (articles.length >= count) break;
    if (!line.trim()) continue;
    const record = JSON.parse(line) as NewsRecord;
    const title = record.title.trim();
    if (title.split(/\s+/).length < 3 || !record.content.trim() || seen.has(title) || seen.has(record.content)) continue;
    seen.add(title);
    seen.add(record.content);
    articles.push({ id: String(articles.length), title, body: record.content });
  }
  return articles;
}

export interface NewsScores {
  withTitles: Scores;
  bodiesOnly: Scores;
}

function searchBy(articles: readonly StoredArticle[], indexTitles: boolean): (q: string) => string[] {
  const index = productIndex(articles.map((article) => ({ ...article, title: indexTitles ? article.title : '' })));
  return (q) => searchArticles(index, { q, limit: 10, offset: 0, sources: [], sort: 'relevance' }).hits.map((hit) => hit.id);
}

export function newsCheck(articles: readonly StoredArticle[]): NewsScores {
  // Headlines quote names with «» or "": typed into the product those would be phrase queries,
  // which test the phrase filter rather than the analyzer, so the quote marks are dropped.
  const queries = articles.map((article) => ({ text: article.title.replace(/["“”«»]/g, ' '), relevant: article.id }));
  return {
    withTitles: score(runQueries(queries, searchBy(articles, true))),
    bodiesOnly: score(runQueries(queries, searchBy(articles, false))),
  };
}
