/** GET /api/health: the index this Worker serves, and for a sharded corpus whether every shard answers (503 if not). */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

export const healthRoute = new Hono<AppEnv>().get('/', async (c) => {
  const backend = c.var.backend();
  const { manifest } = backend;
  const shards = await backend.shardHealth?.();
  const healthy = shards === undefined || shards.every((shard) => shard.status === 'ok');
  return c.json(
    {
      status: healthy ? 'ok' : 'degraded',
      articles: manifest.articles,
      index: {
        version: manifest.formatVersion,
        analyzer: manifest.analyzerVersion,
        hash: manifest.corpusHash,
        builtAt: manifest.builtAt,
        terms: manifest.terms,
        shards: manifest.shards ?? 1,
      },
      ...(shards === undefined ? {} : { shards }),
      // Served over a live set: its version, and how many articles it adds or replaces and hides.
      ...(manifest.live === undefined ? {} : { live: manifest.live }),
    },
    // A monitor should see a shard that is down, though searches still answer (partially).
    healthy ? 200 : 503,
    { 'Cache-Control': 'no-store' },
  );
});
