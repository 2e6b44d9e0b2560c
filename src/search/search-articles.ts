/**
 * Runs a search over the loaded index: query syntax, filters, facets, sorting, pagination,
 * snippets. Pure given the index; no HTTP here.
 */
import type { Query, SearchResult } from 'minisearch';
import { makeSnippet, highlightRanges, type Range } from './highlight.ts';
import type { LoadedIndex } from './load-index.ts';
import type { StoredArticle } from './index-format.ts';
import { analyzeText, containsRun, parseQuery } from './query.ts';

export type SortOrder = 'relevance' | 'newest';

export interface SearchRequest {
  q: string;
  limit: number;
  offset: number;
  sources: readonly string[];
  /** Inclusive calendar dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  sort: SortOrder;
}

export interface SearchHit {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  url: string | null;
  score: number;
  snippet: string;
  highlights: Range[];
  titleHighlights: Range[];
}

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  facets: { source: Record<string, number> };
}

const NO_SOURCE = '';

function inDateRange(article: StoredArticle, from?: string, to?: string): boolean {
  if (from === undefined && to === undefined) return true;
  const day = article.date?.slice(0, 10);
  if (day === undefined) return false;
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

function containsPhrases(article: StoredArticle, phrases: string[][], matched: readonly string[]): boolean {
  if (phrases.length === 0) return true;
  // Cheap test first: an article can hold a phrase only if it matched every term of it. Without
  // it, a quoted query analyzes the full text of every article matching any one of its words.
  if (!phrases.every((phrase) => phrase.every((term) => matched.includes(term)))) return false;
  const title = analyzeText(article.title);
  const body = analyzeText(article.body);
  return phrases.every((phrase) => containsRun(title, phrase) || containsRun(body, phrase));
}

function newestFirst(a: { article: StoredArticle; score: number }, b: { article: StoredArticle; score: number }): number {
  const da = a.article.date ?? '';
  const db = b.article.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return b.score - a.score;
}

function toHit(article: StoredArticle, result: SearchResult): SearchHit {
  const terms = new Set(result.terms);
  const bodyMatched = Object.values(result.match).some((fields) => fields.includes('body'));
  const body = article.bodyPrefix !== undefined ? (maxChars: number) => article.bodyPrefix!(maxChars) : article.body;
  const snippet = makeSnippet(body, terms, undefined, bodyMatched, article.bodyMatches?.(terms));
  return {
    id: article.id,
    title: article.title,
    source: article.source ?? null,
    date: article.date ?? null,
    url: article.url ?? null,
    score: Math.round(result.score * 1000) / 1000,
    snippet: snippet.text,
    highlights: snippet.highlights,
    titleHighlights: highlightRanges(article.title, terms),
  };
}

export function searchArticles(index: LoadedIndex, request: SearchRequest): SearchResponse {
  const parsed = parseQuery(request.q);
  const positive = parsed.words.join(' ');
  // Each side is its own OR group: MiniSearch would otherwise apply AND_NOT between the words of
  // a side too ("a b -c" would mean a without b).
  const query: Query =
    parsed.excluded.length === 0
      ? positive
      : { combineWith: 'AND_NOT', queries: [{ combineWith: 'OR', queries: [positive] }, { combineWith: 'OR', queries: [parsed.excluded.join(' ')] }] };
  const sources = new Set(request.sources);

  // Facets count every source among the matches that pass the other filters, so a reader can
  // see what picking another source would give (disjunctive faceting).
  const facets: Record<string, number> = {};
  const matches: { article: StoredArticle; result: SearchResult; score: number }[] = [];
  for (const result of index.miniSearch.search(query)) {
    const article = index.articles.get(String(result.id));
    if (article === undefined) continue;
    if (!inDateRange(article, request.from, request.to) || !containsPhrases(article, parsed.phrases, result.terms)) continue;
    const source = article.source ?? NO_SOURCE;
    if (source !== NO_SOURCE) facets[source] = (facets[source] ?? 0) + 1;
    if (sources.size > 0 && !sources.has(source)) continue;
    matches.push({ article, result, score: result.score });
  }
  if (request.sort === 'newest') matches.sort(newestFirst);

  const page = matches.slice(request.offset, request.offset + request.limit);
  return {
    total: matches.length,
    hits: page.map(({ article, result }) => toHit(article, result)),
    facets: { source: facets },
  };
}
