/** GET /api/search */
import { Hono } from 'hono';
import { endTime, setMetric, startTime } from 'hono/timing';
import { parseQuery, queryKey } from '../search/query.ts';
import type { SearchRequest } from '../search/search-articles.ts';
import type { Analyzer } from '../text/analyze.ts';
import type { AppEnv } from '../app-env.ts';
import { API_CACHE_CONTROL, cacheControlFor, edgeCacheKey, etagFor, matchesIfNoneMatch, notModified } from '../http/cache.ts';
import { assertWithinBudget, searchRequestValidator } from './read-query.ts';

/**
 * Requests that the engine reads the same way share an ETag and an edge cache entry. A query
 * over the work budget is refused here, before any search (a 400 naming the part that is over).
 */
function canonicalRequest(request: SearchRequest, analyzer: Analyzer): string {
  const parsed = parseQuery(request.q, analyzer);
  assertWithinBudget(parsed);
  return JSON.stringify([queryKey(parsed, analyzer), request.limit, request.offset, request.sources, request.from ?? '', request.to ?? '', request.sort]);
}

export const searchRoute = new Hono<AppEnv>().get('/', searchRequestValidator, async (c) => {
  const request = c.req.valid('query');
  const backend = c.var.backend();
  const canonical = canonicalRequest(request, backend.analyzer);
  const etag = etagFor(backend.manifest, canonical);
  const cacheControl = cacheControlFor(backend.manifest);
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);

  const cache = caches.default;
  const key = edgeCacheKey('search', canonical, backend.manifest);
  const cached = await cache.match(key);
  if (cached !== undefined) {
    // The entry may come from another spelling of the same query: answer with this one's.
    const body = { ...(await cached.json<Record<string, unknown>>()), query: request.q };
    setMetric(c, 'search', 0, 'edge cache');
    return c.json(body, 200, { ETag: etag, 'Cache-Control': cacheControl });
  }

  startTime(c, 'search');
  const result = await backend.search(request);
  endTime(c, 'search', 2);
  const { total, hits, facets, didYouMean, estimated, partial, unavailableShards, slowestShardMs } = result;
  if (slowestShardMs !== undefined) setMetric(c, 'shard', slowestShardMs, "slowest shard's ranking", 2);
  const body = {
    query: request.q,
    total,
    offset: request.offset,
    limit: request.limit,
    hits,
    facets,
    ...(didYouMean === undefined ? {} : { didYouMean }),
    ...(estimated ? { estimated } : {}),
  };
  // Without some shards the answer is incomplete: say so, and let nobody keep it.
  if (partial) return c.json({ ...body, partial, unavailableShards }, 200, { 'Cache-Control': 'no-store' });
  const response = c.json(body, 200, { ETag: etag, 'Cache-Control': cacheControl });
  // The edge entry is keyed by the index and the live set's sequence, so it may live longer than clients may keep the answer.
  const entry = response.clone();
  const stored = new Response(entry.body, entry);
  stored.headers.set('Cache-Control', API_CACHE_CONTROL);
  c.executionCtx.waitUntil(cache.put(key, stored));
  return response;
});
