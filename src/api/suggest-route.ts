/** GET /api/suggest */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { cacheControlFor, etagFor, matchesIfNoneMatch, notModified } from '../http/cache.ts';
import { suggest } from '../search/suggest.ts';
import { readSuggestRequest } from './params.ts';

export const suggestRoute = new Hono<AppEnv>().get('/', (c) => {
  const { q, limit } = readSuggestRequest(new URL(c.req.url).searchParams);
  const index = c.var.backend();
  const etag = etagFor(index.manifest, JSON.stringify(['suggest', q, limit]));
  const cacheControl = cacheControlFor(index.manifest);
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);
  const started = performance.now();
  const suggestions = suggest(index.vocabulary, q, limit);
  const duration = performance.now() - started;
  return c.json({ query: q, suggestions }, 200, {
    ETag: etag,
    'Cache-Control': cacheControl,
    'Server-Timing': `suggest;dur=${duration.toFixed(2)}`,
  });
});
