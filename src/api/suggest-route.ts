/** GET /api/suggest */
import { Hono } from 'hono';
import { endTime, startTime } from 'hono/timing';
import type { AppEnv } from '../app-env.ts';
import { cacheControlFor, etagFor, matchesIfNoneMatch, notModified } from '../http/cache.ts';
import { suggest } from '../search/suggest.ts';
import { suggestRequestValidator } from './read-query.ts';

export const suggestRoute = new Hono<AppEnv>().get('/', suggestRequestValidator, (c) => {
  const { q, limit } = c.req.valid('query');
  const index = c.var.backend();
  const etag = etagFor(index.manifest, JSON.stringify(['suggest', q, limit]));
  const cacheControl = cacheControlFor(index.manifest);
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);
  startTime(c, 'suggest');
  const suggestions = suggest(index.vocabulary, q, limit);
  endTime(c, 'suggest', 2);
  return c.json({ query: q, suggestions }, 200, { ETag: etag, 'Cache-Control': cacheControl });
});
