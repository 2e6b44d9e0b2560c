/**
 * A typed client for the search API (`/api/search`, `/api/suggest`, `/api/articles/:id`). The
 * widget uses it, and pages can import it from widget.js to build their own UI:
 *
 *   import { createClient } from 'https://<worker>/widget.js';
 *   const api = createClient('https://<worker>/api');
 *   const { hits } = await api.search({ q: 'بوتين', limit: 5 });
 *
 * It depends on nothing but `fetch` at run time. Its request types are inferred from the Worker's
 * schema of the query parameters (src/api/search-params.ts, valibot): a type-only import, erased
 * from widget.js, so none of the Worker's code or valibot is in the bundle. A TypeScript project
 * that copies this file copies that schema (and src/api/query-parameters.ts) beside it, with valibot
 * as a development dependency, or replaces the import by the types it infers.
 */
import type { SearchParameters, SuggestParameters } from '../api/search-params.ts';

/** `[start, end)` in UTF-16 code units of the string it belongs to. */
export type Range = [number, number];

export interface SearchHit {
  id: string;
  title: string;
  source: string | null;
  /** ISO 8601 as given in the corpus (often just `YYYY-MM-DD`). */
  date: string | null;
  /** The article on its original site, when the corpus has it. */
  url: string | null;
  score: number;
  /** Plain text around the best match. */
  snippet: string;
  /** Matched words in `snippet`. */
  highlights: Range[];
  /** Matched words in `title`. */
  titleHighlights: Range[];
}

export interface SearchResponse {
  query: string;
  total: number;
  offset: number;
  limit: number;
  hits: SearchHit[];
  facets: { source: Record<string, number> };
  /** Phrase verification reached the work budget: total and facets count the articles checked, the true numbers are at least these. */
  estimated?: true;
  /** A sharded corpus whose shards did not all answer: some matches are missing. */
  partial?: true;
  unavailableShards?: string[];
  /** The query with its misspelled words corrected, when the index suggests one ("هل تقصد"). */
  didYouMean?: string;
}

export interface SuggestResponse {
  query: string;
  suggestions: { text: string }[];
}

export interface Article {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  url: string | null;
  author: string | null;
  tags: string[];
  /** Paragraphs separated by blank lines. */
  body: string;
}

/**
 * What `search()` sends: `q` (words, `"phrases"` and `-exclusions`) and any of `limit`, `offset`,
 * `source` (only these sources), `from`/`to` (`YYYY-MM-DD`, inclusive) and `sort`. Inferred from
 * the Worker's schema of the parameters, so the client cannot drift from what the API takes.
 */
export type SearchParams = SearchParameters;
/** What `suggest()` sends besides `q`. */
export type SuggestOptions = Omit<SuggestParameters, 'q'>;

export interface RequestOptions {
  /** Cancels the request (the promise rejects with an `AbortError`). */
  signal?: AbortSignal;
}

/** An RFC 9457 problem answered by the API, or a response that was not JSON. */
export class ApiError extends Error {
  override name = 'ApiError';
  status: number;
  /** `type` of the problem, e.g. `/docs/problems#invalid-parameter`; empty when there was none. */
  type: string;

  constructor(status: number, type: string, detail: string) {
    super(detail);
    this.status = status;
    this.type = type;
  }
}

export interface SearchClient {
  search(params: SearchParams, options?: RequestOptions): Promise<SearchResponse>;
  suggest(q: string, options?: RequestOptions & SuggestOptions): Promise<SuggestResponse>;
  article(id: string, options?: RequestOptions): Promise<Article>;
}

type Query = Record<string, string | number | string[] | undefined>;

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, String(item));
  }
  return params.toString();
}

/** `endpoint` is the API's base URL, e.g. `https://search.example.workers.dev/api`. */
export function createClient(endpoint: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): SearchClient {
  const base = endpoint.replace(/\/+$/, '');

  async function get<T>(path: string, query: Query, signal?: AbortSignal): Promise<T> {
    const qs = queryString(query);
    const response = await fetchImpl(`${base}${path}${qs && '?'}${qs}`, { signal, headers: { Accept: 'application/json' } });
    const body = (await response.json().catch(() => null)) as (T & { type?: string; detail?: string }) | null;
    if (!response.ok || body === null) {
      throw new ApiError(response.status, body?.type ?? '', body?.detail ?? `HTTP ${response.status}`);
    }
    return body;
  }

  return {
    // Every parameter the caller set, by its name in the schema: a parameter added there is sent without a change here.
    search: (params, options = {}) => get('/search', params, options.signal),
    suggest: (q, { signal, ...params } = {}) => get('/suggest', { ...params, q }, signal),
    article: (id, options = {}) => get(`/articles/${encodeURIComponent(id)}`, {}, options.signal),
  };
}
