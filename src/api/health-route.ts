/** GET /api/health */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

export const healthRoute = new Hono<AppEnv>().get('/', (c) => {
  const { manifest } = c.var.backend();
  return c.json(
    {
      status: 'ok',
      articles: manifest.articles,
      index: {
        version: manifest.formatVersion,
        analyzer: manifest.analyzerVersion,
        hash: manifest.corpusHash,
        builtAt: manifest.builtAt,
        terms: manifest.terms,
        shards: manifest.shards ?? 1,
      },
    },
    200,
    { 'Cache-Control': 'no-store' },
  );
});
