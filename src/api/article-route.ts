/** GET /api/articles/:id */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { cacheControlFor, etagFor, matchesIfNoneMatch, notModified } from '../http/cache.ts';
import { findArticle } from '../http/find-article.ts';
import { articleJson } from './article-json.ts';

export const articleRoute = new Hono<AppEnv>().get('/:id', async (c) => {
  const backend = c.var.backend();
  const article = await findArticle(backend, c.req.param('id'));
  const etag = etagFor(backend.manifest, JSON.stringify(['article', article.id]));
  const cacheControl = cacheControlFor(backend.manifest);
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);
  return c.json(articleJson(article), 200, { ETag: etag, 'Cache-Control': cacheControl });
});
