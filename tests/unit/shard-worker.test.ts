import { describe, expect, it } from 'vitest';
import * as generated from '../../src/generated/index-data.js';
import { MAX_HITS_BODY_BYTES, MAX_HITS_PER_REQUEST } from '../../src/shards/protocol.ts';
import { createShardWorker } from '../../src/shards/shard-worker.ts';

// The seed index stands in for a shard's file: the shard routes read any compact index.
const shard = createShardWorker(generated);
const post = (body: string): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('shard Worker', () => {
  it('ranks a search, makes the hits asked for in advance, and reports its ranking time', async () => {
    const response = await shard.request(`/search?q=${encodeURIComponent('بوتين')}&limit=10&offset=0&sort=relevance&hits=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Server-Timing')).toMatch(/^shard;dur=\d+\.\d{2}$/);
    const page = await response.json<{ total: number; ranked: { id: string; hit?: unknown }[] }>();
    expect(page.total).toBeGreaterThan(1);
    expect(page.ranked.map((entry) => entry.hit !== undefined)).toEqual(page.ranked.map((_, rank) => rank < 2));
  });

  it('makes the hits of POST /hits', async () => {
    const response = await shard.request('/hits', post(JSON.stringify([{ id: '000_02fe02eaac33e47f', terms: ['بوتين'], inBody: true, score: 1 }])));
    expect(response.status).toBe(200);
    expect((await response.json<{ id: string }[]>()).map((hit) => hit.id)).toEqual(['000_02fe02eaac33e47f']);
  });

  it('refuses a /hits body over MAX_HITS_BODY_BYTES with a 413 problem', async () => {
    const response = await shard.request('/hits', post(`[${' '.repeat(MAX_HITS_BODY_BYTES)}]`));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: '/docs/problems#content-too-large', detail: `a /hits body is at most ${MAX_HITS_BODY_BYTES} bytes` });
  });

  it('refuses a /hits body that is not an array of hit requests with a 400 problem', async () => {
    const response = await shard.request('/hits', post('{"id": 1}'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: `the body must be a JSON array of at most ${MAX_HITS_PER_REQUEST} {id, terms, inBody, score}` });
  });

  it('answers 400 to a hits count out of range, naming it', async () => {
    const response = await shard.request(`/search?q=x&hits=${MAX_HITS_PER_REQUEST + 1}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: 'hits' });
  });

  it('serves an article by id, and a 404 problem for an id it does not hold', async () => {
    expect((await shard.request('/articles/000_02fe02eaac33e47f')).status).toBe(200);
    const missing = await shard.request('/articles/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: '/docs/problems#not-found', parameter: 'id' });
  });

  it('answers 405 with Allow to a method a route does not serve, and 404 to an unknown route', async () => {
    const put = await shard.request('/search', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('Allow')).toBe('GET, HEAD');
    const get = await shard.request('/hits');
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    const unknown = await shard.request('/nothing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ detail: 'no shard route /nothing' });
  });

  it('reports its health with its manifest', async () => {
    expect(await (await shard.request('/health')).json()).toMatchObject({ status: 'ok', manifest: { corpusHash: generated.manifest.corpusHash } });
  });
});
