/**
 * The index a Worker embeds, opened once per isolate: the whole corpus (one Worker), or the
 * router of a sharded corpus (its suggestion vocabulary and where each shard's ids lie).
 */
import type { Env } from '../app-env.ts';
import { ShardedBackend } from '../shards/sharded-backend.ts';
import type { ShardRoute } from '../shards/protocol.ts';
import { localBackend, type SearchBackend } from './backend.ts';
import { loadIndex, openWithAnalyzer, type IndexData } from './read-index.ts';

export { IndexMismatchError, loadIndex, type IndexData, type LoadedIndex, type OpenedIndex } from './read-index.ts';

/** What build-index writes for the Worker (src/generated/index-data.js). */
export interface EmbeddedIndex extends IndexData {
  /** null for one Worker; the shards when the corpus is split across Workers. */
  shards: readonly ShardRoute[] | null;
}

/** Opens now, or (if that fails) on each use, so a broken index is reported by the routes that need it as a logged 503. */
function openedOnce<T>(open: () => T): () => T {
  let value: T | undefined;
  try {
    value = open();
  } catch {
    value = undefined;
  }
  return () => (value ??= open());
}

/**
 * The backend of a Worker that embeds `data`. The index is opened while the module is
 * evaluated: Workers give startup about 1 s of CPU, and the first request only 10 ms.
 */
export function embeddedBackend(data: EmbeddedIndex): (env: Env) => SearchBackend {
  const { shards } = data;
  if (shards === null) {
    const backend = openedOnce(() => localBackend(loadIndex(data)));
    return () => backend();
  }
  // A router file holds no article, only the vocabulary and the lexicon; the module's manifest is the corpus's.
  const router = openedOnce(() => {
    const { index, analyzer } = openWithAnalyzer(data.indexBlob);
    return { vocabulary: index.vocabulary, analyzer };
  });
  return (env) => new ShardedBackend({ manifest: data.manifest, ...router(), shards, env: env as unknown as Record<string, unknown> });
}
