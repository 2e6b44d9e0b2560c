/**
 * How the public Worker and its shards talk, over service bindings: plain HTTP and JSON on
 * paths no client reaches (shards have no route of their own). A search: every shard ranks its
 * matches (GET /search, the public API's own parameters) and makes hits for its first few
 * (`hits`); the page merged from the ranks needs the hits of its entries, and those a shard did
 * not make in advance are asked for (POST /hits). Making every shard's first `limit` hits would
 * cost a page of snippets per shard; making none, a second round trip for every search.
 */
import type { SearchRequest } from '../search/search-articles.ts';

/** A shard as the public Worker knows it (written by the build into the router module). */
export interface ShardRoute {
  /** `shard-0`, `shard-1`, …: named in partial answers. */
  name: string;
  /** The service binding to it in the public Worker's env. */
  binding: string;
  /** Its articles are the ids from firstId to lastId (code-unit order). */
  firstId: string;
  lastId: string;
  articles: number;
}

/** Origin of requests to a shard; the host is ignored by service bindings. */
export const SHARD_ORIGIN = 'https://shard.internal';

export function shardSearchUrl(request: SearchRequest, hits: number): string {
  const params = new URLSearchParams({ q: request.q, limit: String(request.limit), offset: String(request.offset), sort: request.sort, hits: String(hits) });
  for (const source of request.sources) params.append('source', source);
  if (request.from !== undefined) params.set('from', request.from);
  if (request.to !== undefined) params.set('to', request.to);
  return `${SHARD_ORIGIN}/search?${params}`;
}

export const SHARD_HITS_URL = `${SHARD_ORIGIN}/hits`;
/** Hits one /hits request may ask for: a page (the API's largest limit). */
export const MAX_HITS_PER_REQUEST = 50;
/**
 * Largest /hits body a shard reads. An entry is an id (≤ 128 characters), the query's terms (a
 * query is ≤ 256 characters) and two scalars: under 2 kB as JSON even in \u escapes, so 50 fit
 * in 128 KiB.
 */
export const MAX_HITS_BODY_BYTES = 128 * 1024;

export function shardHealthUrl(): string {
  return `${SHARD_ORIGIN}/health`;
}

export function shardArticleUrl(id: string): string {
  return `${SHARD_ORIGIN}/articles/${encodeURIComponent(id)}`;
}

/** The shard that holds an id, by the id ranges (shards hold consecutive ids). */
export function shardFor(shards: readonly ShardRoute[], id: string): ShardRoute | undefined {
  return shards.find((shard) => shard.firstId <= id && id <= shard.lastId);
}
