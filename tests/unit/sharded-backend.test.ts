import { createAnalyzer } from '../../src/text/analyze.ts';
import { EMPTY_LEXICON } from '../../src/text/lexicon.ts';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/http/problem.ts';
import type { IndexManifest } from '../../src/search/index-format.ts';
import type { SearchHit, SearchPage, SearchRequest } from '../../src/search/search-articles.ts';
import type { ShardRoute } from '../../src/shards/protocol.ts';
import { ShardedBackend } from '../../src/shards/sharded-backend.ts';
import { EMPTY_VOCABULARY } from '../../src/search/compact/vocabulary.ts';

const MANIFEST: IndexManifest = { formatVersion: 4, analyzerVersion: 'a', corpusHash: 'h', builtAt: '2026-01-01T00:00:00Z', articles: 6, terms: 10, shards: 3 };
const ROUTES: ShardRoute[] = ['a', 'c', 'e'].map((first, s) => ({
  name: `shard-${s}`,
  binding: `SHARD_${s}`,
  firstId: `${first}1`,
  lastId: `${first}9`,
  articles: 2,
}));
const REQUEST: SearchRequest = { q: 'قمة', limit: 2, offset: 0, sources: [], sort: 'relevance' };

const hit = (id: string): SearchHit => ({ id, title: id, source: null, date: null, url: null, score: 1, snippet: '', highlights: [], titleHighlights: [] });

/** Shard s holds articles `<letter>1`, `<letter>2` with these scores; it makes hits for its first `hits`. */
function shardPage(s: number, scores: number[], hits: number): SearchPage {
  const letter = 'ace'[s]!;
  return {
    total: scores.length,
    sourceCounts: { [`source-${s}`]: scores.length },
    ranked: scores.map((score, rank) => {
      const id = `${letter}${rank + 1}`;
      return { id, terms: ['قمة'], inBody: true, score, date: '', firstMatch: s * 10 + rank, ...(rank < hits ? { hit: hit(id) } : {}) };
    }),
  };
}

const SCORES = [
  [5, 1],
  [4, 3],
  [2, 0.5],
];

/** A shard that answers: ranked pages, the hits asked for (recorded), articles. */
function answering(s: number, asked: string[] = []): Fetcher {
  return {
    fetch: async (request: Request) => {
      const url = request.url;
      if (url.includes('/articles/')) return Response.json({ id: decodeURIComponent(url.split('/').pop()!), title: 't', body: 'b' });
      if (url.endsWith('/hits')) {
        const ids = ((await request.json()) as { id: string }[]).map((r) => r.id);
        asked.push(...ids);
        return Response.json(ids.map(hit));
      }
      return Response.json(shardPage(s, SCORES[s]!, Number(new URL(url).searchParams.get('hits'))));
    },
  } as unknown as Fetcher;
}

/** A shard that never answers; like a service binding, it gives up when the caller's signal aborts. */
function hanging(signals: AbortSignal[] = []): Fetcher {
  return {
    fetch: (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        if (signal == null) return;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
  } as unknown as Fetcher;
}

const failing = (how: 'throw' | '500' | 'hang'): Fetcher =>
  how === 'hang'
    ? hanging()
    : ({
        fetch: () => (how === 'throw' ? Promise.reject(new Error('connection reset')) : Promise.resolve(new Response('boom', { status: 500 }))),
      } as unknown as Fetcher);

function backend(bindings: Fetcher[], extra: Record<string, unknown> = {}): ShardedBackend {
  const env = { ...Object.fromEntries(bindings.map((binding, s) => [`SHARD_${s}`, binding])), ...extra };
  return new ShardedBackend({
    manifest: MANIFEST,
    vocabulary: EMPTY_VOCABULARY,
    analyzer: createAnalyzer(EMPTY_LEXICON),
    shards: ROUTES,
    env,
  });
}

describe('ShardedBackend', () => {
  it('merges every shard page into one ranking with summed totals and facets', async () => {
    const result = await backend([0, 1, 2].map((s) => answering(s))).search({ ...REQUEST, limit: 4 });
    expect(result.hits.map((h) => h.id)).toEqual(['a1', 'c1', 'c2', 'e1']);
    expect(result.total).toBe(6);
    expect(result.facets.source).toEqual({ 'source-0': 2, 'source-1': 2, 'source-2': 2 });
    expect(result.partial).toBeUndefined();
  });

  it('answers a first page spread over the shards in one round trip', async () => {
    const asked: string[][] = [[], [], []];
    const result = await backend([0, 1, 2].map((s) => answering(s, asked[s]))).search({ ...REQUEST, limit: 4 });
    expect(result.hits.map((h) => h.id)).toEqual(['a1', 'c1', 'c2', 'e1']);
    expect(asked).toEqual([[], [], []]);
  });

  it('asks each shard only for the hits of the page that it holds', async () => {
    const asked: string[][] = [[], [], []];
    const result = await backend([0, 1, 2].map((s) => answering(s, asked[s]))).search({ ...REQUEST, offset: 2, limit: 2 });
    expect(result.hits.map((h) => h.id)).toEqual(['c2', 'e1']);
    expect(asked).toEqual([[], ['c2'], ['e1']]);
  });

  it.each(['throw', '500', 'hang'] as const)('answers without a shard that fails (%s), saying which', async (how) => {
    const result = await backend([answering(0), failing(how), answering(2)], { SHARD_TIMEOUT_MS: '50' }).search({ ...REQUEST, limit: 10 });
    expect(result.partial).toBe(true);
    expect(result.unavailableShards).toEqual(['shard-1']);
    expect(result.hits.map((h) => h.id)).toEqual(['a1', 'e1', 'a2', 'e2']);
    expect(result.total).toBe(4);
  });

  it('cancels the call to a shard that does not answer within SHARD_TIMEOUT_MS', async () => {
    const signals: AbortSignal[] = [];
    const started = Date.now();
    const result = await backend([answering(0), hanging(signals), answering(2)], { SHARD_TIMEOUT_MS: '50' }).search({ ...REQUEST, limit: 10 });
    expect(result.unavailableShards).toEqual(['shard-1']);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect((signals[0]!.reason as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is unavailable (503), not wrong, when no shard answers', async () => {
    const search = backend([failing('throw'), failing('500'), failing('throw')]).search(REQUEST);
    await expect(search).rejects.toBeInstanceOf(ProblemError);
    await expect(search).rejects.toMatchObject({ status: 503 });
  });

  it('asks the one shard whose id range holds an article', async () => {
    const asked: string[] = [];
    const spy = (s: number): Fetcher => ({ fetch: (request: Request) => (asked.push(`${s}`), answering(s).fetch(request)) }) as unknown as Fetcher;
    const articles = backend([0, 1, 2].map(spy));
    expect((await articles.article('c5'))?.id).toBe('c5');
    expect(asked).toEqual(['1']);
    expect(await articles.article('zz')).toBeUndefined();
  });

  it('reports which shards answer their health check', async () => {
    const health = await backend([answering(0), failing('500'), answering(2)]).shardHealth();
    expect(health.map(({ name, status }) => [name, status])).toEqual([
      ['shard-0', 'ok'],
      ['shard-1', 'unavailable'],
      ['shard-2', 'ok'],
    ]);
  });

  it('reports an article whose shard is down as unavailable, not missing', async () => {
    await expect(backend([answering(0), failing('500'), answering(2)]).article('c5')).rejects.toMatchObject({ status: 503 });
  });
});
