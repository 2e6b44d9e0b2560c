/** GET /api/health */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { getIndex } from '../search/load-index.ts';

export const healthRoute = new Hono<AppEnv>().get('/', (c) => {
  const { manifest } = getIndex();
  return c.json(
    {
      status: 'ok',
      articles: manifest.articles,
      index: { version: manifest.formatVersion, analyzer: manifest.analyzerVersion, hash: manifest.corpusHash, builtAt: manifest.builtAt, terms: manifest.terms },
    },
    200,
    { 'Cache-Control': 'no-store' },
  );
});
