/** GET /api/articles/:id */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { cacheControlFor, etagFor, matchesIfNoneMatch, notModified } from '../http/cache.ts';
import { ProblemError } from '../http/problem.ts';
import type { SearchBackend } from '../search/backend.ts';
import type { StoredArticle } from '../search/index-format.ts';
import { articleJson } from './article-json.ts';

/** The article with this id, or a 404 problem naming it. */
export async function findArticle(backend: SearchBackend, id: string): Promise<StoredArticle> {
  const article = await backend.article(id);
  if (article === undefined) {
    const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id;
    throw new ProblemError(404, 'not-found', `no article with id ${JSON.stringify(shown)}`, 'id');
  }
  return article;
}

export const articleRoute = new Hono<AppEnv>().get('/:id', async (c) => {
  const backend = c.var.backend();
  const article = await findArticle(backend, c.req.param('id'));
  const etag = etagFor(backend.manifest, JSON.stringify(['article', article.id]));
  const cacheControl = cacheControlFor(backend.manifest);
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);
  return c.json(articleJson(article), 200, { ETag: etag, 'Cache-Control': cacheControl });
});
