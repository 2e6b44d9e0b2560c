/** GET /api/search */
import { Hono } from 'hono';
import { parseQuery, queryKey } from '../search/query.ts';
import type { SearchRequest } from '../search/search-articles.ts';
import type { AppEnv } from '../app-env.ts';
import { API_CACHE_CONTROL, cacheControlFor, edgeCacheKey, etagFor, matchesIfNoneMatch, notModified } from '../http/cache.ts';
import { readSearchRequest } from './params.ts';

/** Requests that the engine reads the same way share an ETag and an edge cache entry. */
function canonicalRequest(request: SearchRequest): string {
  return JSON.stringify([queryKey(parseQuery(request.q)), request.limit, request.offset, request.sources, request.from ?? '', request.to ?? '', request.sort]);
}

export const searchRoute = new Hono<AppEnv>().get('/', async (c) => {
  const request = readSearchRequest(new URL(c.req.url).searchParams);
  const backend = c.var.backend();
  const canonical = canonicalRequest(request);
  const etag = etagFor(backend.manifest, canonical);
  const cacheControl = cacheControlFor(backend.manifest);
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);

  const cache = caches.default;
  const key = edgeCacheKey('search', canonical, backend.manifest);
  const cached = await cache.match(key);
  if (cached !== undefined) {
    // The entry may come from another spelling of the same query: answer with this one's.
    const body = { ...(await cached.json<Record<string, unknown>>()), query: request.q };
    return c.json(body, 200, { ETag: etag, 'Cache-Control': cacheControl, 'Server-Timing': 'search;dur=0;desc="edge cache"' });
  }

  const started = performance.now();
  const result = await backend.search(request);
  const { total, hits, facets, partial, unavailableShards, slowestShardMs } = result;
  const shardTiming = slowestShardMs === undefined ? '' : `, shard;dur=${slowestShardMs.toFixed(2)};desc="slowest shard's ranking"`;
  const timing = `search;dur=${(performance.now() - started).toFixed(2)}${shardTiming}`;
  const body = { query: request.q, total, offset: request.offset, limit: request.limit, hits, facets };
  // Without some shards the answer is incomplete: say so, and let nobody keep it.
  if (partial) return c.json({ ...body, partial, unavailableShards }, 200, { 'Cache-Control': 'no-store', 'Server-Timing': timing });
  const response = c.json(body, 200, { ETag: etag, 'Cache-Control': cacheControl, 'Server-Timing': timing });
  // The edge entry is keyed by the index and the live set's sequence, so it may live longer than clients may keep the answer.
  const entry = response.clone();
  const stored = new Response(entry.body, entry);
  stored.headers.set('Cache-Control', API_CACHE_CONTROL);
  c.executionCtx.waitUntil(cache.put(key, stored));
  return response;
});
