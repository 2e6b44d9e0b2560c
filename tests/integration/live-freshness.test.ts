/**
 * Freshness of the live set: an isolate reads the store at cold start and then only when its
 * copy is older than half the bound (in the background) or the bound (waiting), so searches do
 * not each cost a store round trip, and a write reaches another isolate within the bound.
 * "Another isolate" is a second LiveSet over the same embedded index and the same real store.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import * as generated from '../../src/generated/index-data.js';
import { LiveSet, type LiveStoreClient } from '../../src/live/live-set.ts';
import { LIVE_STORE_NAME } from '../../src/live/protocol.ts';
import { loadIndex } from '../../src/search/read-index.ts';
import { get, search, type SearchBody } from './helpers.ts';

const AUTH = { Authorization: 'Bearer test-publish-token', 'Content-Type': 'application/json' };
const FRESHNESS_MS = 400;

function countingStore(): { store: LiveStoreClient; reads: () => number } {
  const stub = env.LIVE_STORE!.getByName(LIVE_STORE_NAME) as unknown as LiveStoreClient;
  let reads = 0;
  return {
    store: {
      write: (operations) => stub.write(operations),
      changes: (epoch, since) => (reads++, stub.changes(epoch, since)),
      forget: (folded) => stub.forget(folded),
    },
    reads: () => reads,
  };
}

function publish(id: string, word: string): Promise<Response> {
  return get(`/api/articles/${id}`, {
    method: 'PUT',
    headers: AUTH,
    body: JSON.stringify({ title: `خبر عن ${word}`, body: `تفاصيل الخبر عن ${word} في المدينة.` }),
  });
}

const pending: Promise<unknown>[] = [];
const options = { freshnessMs: FRESHNESS_MS, waitUntil: (promise: Promise<unknown>) => void pending.push(promise) };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live set freshness', () => {
  it('reads the store once at cold start, not for each search within the bound', async () => {
    const { store, reads } = countingStore();
    const other = new LiveSet(loadIndex(generated));
    // A bound no run reaches: a slow first search on a busy machine must not start a refresh.
    const patient = { ...options, freshnessMs: 60_000 };
    await other.backend(store, patient);
    const afterColdStart = reads();
    expect(afterColdStart).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 20; i++) await (await other.backend(store, patient)).search({ q: 'بوتين', limit: 10, offset: 0, sources: [], sort: 'relevance' });
    expect(reads()).toBe(afterColdStart);
  });

  it('shows a write taken by another isolate within the freshness bound', async () => {
    const { store } = countingStore();
    const other = new LiveSet(loadIndex(generated));
    const request = { q: 'فالدوريا', limit: 10, offset: 0, sources: [], sort: 'relevance' as const };
    expect((await (await other.backend(store, options)).search(request)).total).toBe(0);
    const written = Date.now();
    expect((await publish('fresh-1', 'فالدوريا')).status).toBe(201);
    // The writer's own isolate (the Worker entry) sees it at once.
    expect(((await (await search({ q: 'فالدوريا' })).json()) as SearchBody).total).toBe(1);
    let seenAfter: number | undefined;
    while (seenAfter === undefined && Date.now() - written < FRESHNESS_MS * 3) {
      if ((await (await other.backend(store, options)).search(request)).total === 1) seenAfter = Date.now() - written;
      else await sleep(25);
    }
    await Promise.all(pending);
    expect(seenAfter).toBeDefined();
    expect(seenAfter!).toBeLessThanOrEqual(FRESHNESS_MS + 100);
  });

  it('changes the ETag of a search when the live set changes, so a revalidation gets the new answer', async () => {
    const first = await search({ q: 'سيرافيا' });
    const etag = first.headers.get('ETag')!;
    expect(((await first.json()) as SearchBody).total).toBe(0);
    expect((await publish('fresh-2', 'سيرافيا')).status).toBe(201);
    const again = await get(`/api/search?q=${encodeURIComponent('سيرافيا')}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(200);
    expect(again.headers.get('ETag')).not.toBe(etag);
    expect(((await again.json()) as SearchBody).total).toBe(1);
  });

  it('does not answer from the edge cache an entry made before a write', async () => {
    await search({ q: 'نوردانيا' });
    const cached = await search({ q: 'نوردانيا' });
    expect(cached.headers.get('Server-Timing')).toContain('edge cache');
    expect((await publish('fresh-3', 'نوردانيا')).status).toBe(201);
    const after = await search({ q: 'نوردانيا' });
    expect(after.headers.get('Server-Timing')).not.toContain('edge cache');
    expect(((await after.json()) as SearchBody).total).toBe(1);
  });
});
