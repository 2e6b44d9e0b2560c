/**
 * What the routes search: the embedded index (one Worker), or shards behind service bindings
 * (src/shards/sharded-backend.ts). The routes cannot tell them apart; the answers are the same.
 */
import type { Analyzer } from '../text/analyze.ts';
import type { IndexManifest, StoredArticle, Vocabulary } from './index-format.ts';
import type { LoadedIndex } from './read-index.ts';
import { searchArticles, type SearchRequest, type SearchResponse } from './search-articles.ts';
import type { CompletionSource } from './suggest.ts';

export interface SearchBackend {
  readonly manifest: IndexManifest;
  /** Suggestions: the index's vocabulary, or one with a live set's words over it. */
  readonly vocabulary: Vocabulary | CompletionSource;
  /** Analyzes queries as the index analyzed its articles (cache keys, page highlights). */
  readonly analyzer: Analyzer;
  search(request: SearchRequest): Promise<SearchResponse>;
  article(id: string): Promise<StoredArticle | undefined>;
  /** Sharded corpora: whether each shard answers (for /api/health). */
  shardHealth?(): Promise<ShardHealth[]>;
}

export interface ShardHealth {
  name: string;
  status: 'ok' | 'unavailable';
  articles: number;
}

export function localBackend(index: LoadedIndex): SearchBackend {
  return {
    manifest: index.manifest,
    vocabulary: index.vocabulary,
    analyzer: index.analyzer,
    search: (request) => Promise.resolve(searchArticles(index, request)),
    article: (id) => Promise.resolve(index.articles.get(id)),
  };
}
