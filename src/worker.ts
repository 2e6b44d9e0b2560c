/**
 * A Worker over an embedded index: src/index.ts for the index in src/generated/, and the entry
 * build-index writes for a sharded corpus's public Worker. With a LIVE_STORE binding, one
 * Worker serves the embedded index and the live set as one corpus (src/live/); a sharded
 * corpus serves its shards alone (live updates over shards are not built).
 */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { AppEnv, Env } from './app-env.ts';
import { DEFAULT_FRESHNESS_MS, LiveSet, type LiveStoreClient } from './live/live-set.ts';
import { liveWriter } from './live/live-writer.ts';
import { LIVE_STORE_NAME } from './live/protocol.ts';
import { localBackend, type SearchBackend } from './search/backend.ts';
import { loadIndex, openWithAnalyzer, type IndexData, type OpenedIndex } from './search/read-index.ts';
import { ShardedBackend } from './shards/sharded-backend.ts';
import type { ShardRoute } from './shards/protocol.ts';

/** What build-index writes for the Worker (src/generated/index-data.js). */
export interface EmbeddedIndex extends IndexData {
  /** null for one Worker; the shards when the corpus is split across Workers. */
  shards: readonly ShardRoute[] | null;
}

/**
 * Opens now, while the module is evaluated (startup has ~1 s of CPU, a request 10 ms), or, if
 * that fails, on each use: a broken index is reported by the routes that need it.
 */
function openedOnce<T>(open: () => T): () => T {
  let value: T | undefined;
  try {
    value = open();
  } catch {
    value = undefined;
  }
  return () => (value ??= open());
}

/** A sharded corpus's public Worker: the router file (the vocabulary and the lexicon, no article) and the shards behind service bindings. */
function shardedBackend(data: EmbeddedIndex & { shards: readonly ShardRoute[] }): (env: Env) => SearchBackend {
  const router = openedOnce(() => {
    const { index, analyzer } = openWithAnalyzer(data.indexBlob);
    return { vocabulary: index.vocabulary, analyzer };
  });
  return (env) => new ShardedBackend({ manifest: data.manifest, ...router(), shards: data.shards, env: env as unknown as Record<string, unknown> });
}

function storeOf(env: Env): LiveStoreClient | undefined {
  const namespace = env.LIVE_STORE;
  return namespace === undefined ? undefined : (namespace.getByName(LIVE_STORE_NAME) as unknown as LiveStoreClient);
}

function freshnessOf(env: Env): number {
  const value = Number(env.LIVE_FRESHNESS_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_FRESHNESS_MS;
}

export function createWorker(data: EmbeddedIndex): Hono<AppEnv> {
  const { shards } = data;
  if (shards !== null) return createApp({ backendFor: shardedBackend({ ...data, shards }) });
  const base = openedOnce((): OpenedIndex => loadIndex(data));
  let plain: ReturnType<typeof localBackend> | undefined;
  let live: LiveSet | undefined;
  const liveSet = (): LiveSet => (live ??= new LiveSet(base()));
  return createApp({
    backendFor: (env, waitUntil) => {
      const store = storeOf(env);
      if (store === undefined) return (plain ??= localBackend(base()));
      return liveSet().backend(store, { freshnessMs: freshnessOf(env), waitUntil });
    },
    liveFor: (env) => {
      const store = storeOf(env);
      return store === undefined ? undefined : liveWriter(liveSet(), store);
    },
  });
}
