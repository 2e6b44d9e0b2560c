/**
 * The sharded set as it deploys, in workerd: build-index --shards 3 writes the shard Workers and
 * the public Worker, `wrangler dev` runs them together (service bindings connected), and the
 * public API answers exactly what one index over the same corpus answers. A shard that cannot
 * be reached leaves a partial answer that says so. Also: the deploy command checks every
 * configuration (dry run), shards first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import { readCorpus } from '../../build-index/read-corpus.ts';
import { readSubset, SAUDINEWSNET, titleQueries } from '../../bench/lib/scale-corpus.ts';
import { unlimitedPublicConfig } from '../../bench/lib/scale-workerd.ts';
import { startWranglerDev, type WranglerDev } from '../../scripts/wrangler-dev.ts';
import { loadIndex, type LoadedIndex } from '../../src/search/read-index.ts';
import { searchArticles, type SearchRequest } from '../../src/search/search-articles.ts';
import { suggest } from '../../src/search/suggest.ts';
import { devOrder, readWorkerSet, ROOT } from '../../scripts/worker-set.ts';

const ARTICLES = 600;
const SHARDS = 3;
const QUERIES = 300;
const NODE = process.execPath;

let dir: string;
let reference: LoadedIndex;
let queries: string[];
let server: WranglerDev | undefined;
let broken: WranglerDev | undefined;

async function get(base: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.skipIf(!existsSync(SAUDINEWSNET))('sharded Workers under wrangler dev', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sharded-'));
    writeFileSync(
      join(dir, 'articles.jsonl'),
      readSubset(ARTICLES)
        .articles.map((article) => JSON.stringify(article))
        .join('\n'),
    );
    const build = spawnSync(NODE, [join(ROOT, 'build-index/cli.ts'), '--corpus', dir, '--out', join(dir, 'out/index-data.js'), '--shards', String(SHARDS)], {
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    // The reference: one index over the same accepted articles.
    const { articles } = await readCorpus(dir);
    const data = buildIndexData(articles, { builtAt: '2026-01-01T00:00:00.000Z' });
    reference = loadIndex({ manifest: data.manifest, indexBlob: data.blob });
    queries = titleQueries(articles, QUERIES, 21);
    const { configs } = readWorkerSet(join(dir, 'out/workers.json'));
    server = await startWranglerDev({ configs: devOrder(unlimitedPublicConfig(configs, 'public-test')), readyTimeoutMs: 180_000 });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await broken?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('writes one configuration per shard and the public one, and deploys them in order (dry run)', () => {
    const { shards, configs } = readWorkerSet(join(dir, 'out/workers.json'));
    expect(shards).toBe(SHARDS);
    expect(configs.map((config) => config.split('/').pop())).toEqual(['shard-0.json', 'shard-1.json', 'shard-2.json', 'public.json']);
    const deploy = spawnSync(NODE, [join(ROOT, 'scripts/deploy.ts'), '--dry-run', '--set', join(dir, 'out/workers.json')], {
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    expect(deploy.status, deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(/1\/4 .*shard-0\.json[\s\S]*4\/4 .*public\.json[\s\S]*4 Worker\(s\) checked/);
  }, 120_000);

  it('answers 300 searches exactly as one index does: hits, order, totals, facets, paging and sorting', async () => {
    const differences: unknown[] = [];
    for (const [n, q] of queries.entries()) {
      const request: SearchRequest = { q, limit: 10, offset: n % 10 === 9 ? 10 : 0, sources: [], sort: n % 4 === 3 ? 'newest' : 'relevance' };
      const params = new URLSearchParams({ q, limit: '10', offset: String(request.offset), sort: request.sort });
      const { status, body } = await get(server!.origin, `/api/search?${params}`);
      const expected = searchArticles(reference, request);
      const actual = { status, total: body['total'], hits: body['hits'], facets: body['facets'], partial: body['partial'] };
      const wanted = { status: 200, total: expected.total, hits: expected.hits, facets: expected.facets, partial: undefined };
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) differences.push({ q, request, got: actual, wanted });
    }
    expect(differences).toEqual([]);
  }, 120_000);

  it('suggests from the whole vocabulary and serves any article from its shard', async () => {
    const { body } = await get(server!.origin, `/api/suggest?q=${encodeURIComponent('الس')}`);
    expect(body['suggestions']).toEqual(suggest(reference.vocabulary, 'الس', 8));
    for (const id of ['snn-00001', 'snn-00300', 'snn-00600']) {
      const expected = reference.articles.get(id);
      const { status, body: article } = await get(server!.origin, `/api/articles/${id}`);
      if (expected === undefined) expect(status).toBe(404);
      else expect({ status, id: article['id'], body: article['body'] }).toEqual({ status: 200, id, body: expected.body });
    }
    const health = await get(server!.origin, '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', articles: reference.articles.size, index: { shards: SHARDS } });
    expect((health.body['shards'] as { status: string }[]).map((shard) => shard.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('answers without an unreachable shard: partial, naming it, never a 500', async () => {
    const { configs } = readWorkerSet(join(dir, 'out/workers.json'));
    const withMissingShard = unlimitedPublicConfig(configs, 'public-broken', (config) => {
      const services = config['services'] as { binding: string; service: string }[];
      services[1]!.service = 'no-such-shard-worker';
    });
    broken = await startWranglerDev({ configs: devOrder(withMissingShard), readyTimeoutMs: 180_000, until: 'answer' });
    const { status, body } = await get(broken.origin, `/api/search?q=${encodeURIComponent('السعودية')}`);
    const expected = searchArticles(reference, { q: 'السعودية', limit: 10, offset: 0, sources: [], sort: 'relevance' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ partial: true, unavailableShards: ['shard-1'] });
    expect(body['total']).toBeLessThan(expected.total);
    expect(body['total']).toBeGreaterThan(0);
    const health = await get(broken.origin, '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: 'degraded',
      shards: [
        { name: 'shard-0', status: 'ok' },
        { name: 'shard-1', status: 'unavailable' },
        { name: 'shard-2', status: 'ok' },
      ],
    });
  }, 240_000);
});
