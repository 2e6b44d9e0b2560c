/**
 * Runs a search over the loaded index: query syntax, filters, facets, sorting, pagination,
 * snippets. Pure given the index; no HTTP here.
 */
import type { Query, SearchResult } from 'minisearch';
import { makeSnippet, highlightRanges, type Range } from './highlight.ts';
import type { LoadedIndex } from './load-index.ts';
import type { StoredArticle } from './index-format.ts';
import { analyzeText, containsRun, parseQuery } from './query.ts';
import { selectTop } from './select-top.ts';

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

/** Whether a stored date ('' for none) falls in the inclusive calendar range. */
function inDateRange(date: string, from?: string, to?: string): boolean {
  if (date === '') return false;
  const day = date.slice(0, 10);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

function containsPhrases(article: StoredArticle, phrases: string[][], matched: readonly string[]): boolean {
  // Cheap test first: an article can hold a phrase only if it matched every term of it. Without
  // it, a quoted query analyzes the full text of every article matching any one of its words.
  if (!phrases.every((phrase) => phrase.every((term) => matched.includes(term)))) return false;
  const title = analyzeText(article.title);
  const inBody = phrases.filter((phrase) => !containsRun(title, phrase));
  if (inBody.length === 0) return true;
  if (article.bodyContainsRuns !== undefined) return article.bodyContainsRuns(inBody);
  const body = analyzeText(article.body);
  return inBody.every((phrase) => containsRun(body, phrase));
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

/** Source counts by code → the facet object, most frequent first (then by name, for a stable answer). */
function sourceFacet(counts: Uint32Array, sources: readonly string[]): Record<string, number> {
  const entries: [string, number][] = [];
  for (let code = 1; code < counts.length; code++) if (counts[code]! > 0) entries.push([sources[code - 1]!, counts[code]!]);
  entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
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
  const store = index.articles;
  const matches = index.match(query);
  const dated = request.from !== undefined || request.to !== undefined;
  const allowed = request.sources.length === 0 ? undefined : new Set(request.sources);

  // One pass over every match reading typed columns only (no article or result object per
  // match). Facets count every source among the matches that pass the other filters, so a
  // reader can see what picking another source would give (disjunctive faceting).
  const counts = new Uint32Array(store.sources.length + 1);
  const kept: number[] = [];
  for (let i = 0; i < matches.length; i++) {
    const at = matches.position(i);
    if (dated && !inDateRange(store.dateAt(at), request.from, request.to)) continue;
    if (parsed.phrases.length > 0 && !containsPhrases(store.at(at), parsed.phrases, matches.result(i).terms)) continue;
    const code = store.sourceCode(at);
    counts[code]!++;
    if (allowed !== undefined && (code === 0 || !allowed.has(store.sources[code - 1]!))) continue;
    kept.push(i);
  }

  // Relevance: score descending, ties in match order. Newest: date descending, then relevance.
  let compare = (a: number, b: number): number => matches.score(b) - matches.score(a) || a - b;
  if (request.sort === 'newest') {
    const dates = new Map(kept.map((i) => [i, store.dateAt(matches.position(i))]));
    const byRelevance = compare;
    compare = (a, b) => {
      const da = dates.get(a)!;
      const db = dates.get(b)!;
      return da !== db ? (da < db ? 1 : -1) : byRelevance(a, b);
    };
  }
  const page = selectTop(kept, request.offset + request.limit, compare).slice(request.offset);
  return {
    total: kept.length,
    hits: page.map((i) => toHit(store.at(matches.position(i)), matches.result(i))),
    facets: { source: sourceFacet(counts, store.sources) },
  };
}
