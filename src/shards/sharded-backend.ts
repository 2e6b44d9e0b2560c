/**
 * The public Worker of a sharded corpus: every search goes to all shards at once over service
 * bindings, and their ranked pages merge into the page one index would give (merge-pages.ts).
 * A shard that fails or is too slow leaves a partial answer that says so, never a 500; an
 * article is asked of the one shard whose id range holds it.
 */
import { ProblemError } from '../http/problem.ts';
import type { SearchBackend } from '../search/backend.ts';
import type { IndexManifest, StoredArticle, Vocabulary } from '../search/index-format.ts';
import { sortedFacet, type SearchPage, type SearchRequest, type SearchResponse, type SearchHit } from '../search/search-articles.ts';
import { mergePages } from './merge-pages.ts';
import { shardArticleUrl, shardFor, shardSearchUrl, type ShardRoute } from './protocol.ts';

/** How long a shard may take before the answer goes out without it (SHARD_TIMEOUT_MS overrides). */
export const DEFAULT_SHARD_TIMEOUT_MS = 3000;

export interface ShardedBackendParts {
  manifest: IndexManifest;
  vocabulary: Vocabulary;
  shards: readonly ShardRoute[];
  /** The public Worker's env: one service binding per shard, and SHARD_TIMEOUT_MS. */
  env: Record<string, unknown>;
}

class ShardFailure extends Error {
  override name = 'ShardFailure';
}

function timeoutOf(env: Record<string, unknown>): number {
  const value = Number(env['SHARD_TIMEOUT_MS']);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SHARD_TIMEOUT_MS;
}

export class ShardedBackend implements SearchBackend {
  readonly manifest: IndexManifest;
  readonly vocabulary: Vocabulary;
  readonly #shards: readonly ShardRoute[];
  readonly #env: Record<string, unknown>;
  readonly #timeoutMs: number;

  constructor(parts: ShardedBackendParts) {
    this.manifest = parts.manifest;
    this.vocabulary = parts.vocabulary;
    this.#shards = parts.shards;
    this.#env = parts.env;
    this.#timeoutMs = timeoutOf(parts.env);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    // The first page (what nearly every request asks for) takes one round trip: each shard makes
    // hits for its own first `limit` matches, which hold every hit the merged page can show.
    // A later page needs ranks only first, then the hits the merge picked.
    const firstPage = request.offset === 0;
    const pages = await Promise.all(this.#shards.map((shard) => this.#page(shard, request, 0, firstPage ? request.limit : 0)));
    const failed = new Set(this.#shards.filter((_, s) => pages[s] instanceof ShardFailure).map((shard) => shard.name));
    if (failed.size === this.#shards.length) {
      console.error('no shard answered', pages);
      throw new ProblemError(503, 'index-unavailable', `no shard of the index answered (${[...failed].join(', ')}); retry later`);
    }
    const answered = pages.map((page) => (page instanceof ShardFailure ? undefined : page));
    const merged = mergePages(answered, request);

    const hits = new Map<string, SearchHit>();
    if (!firstPage) {
      const wanted = new Map<number, number[]>();
      for (const { shard, rank } of merged.page) wanted.set(shard, [...(wanted.get(shard) ?? []), rank]);
      await Promise.all(
        [...wanted].map(async ([s, ranks]) => {
          const page = await this.#page(this.#shards[s]!, request, Math.min(...ranks), Math.max(...ranks) + 1);
          if (page instanceof ShardFailure) failed.add(this.#shards[s]!.name);
          else for (const rank of ranks) if (page.ranked[rank]?.hit !== undefined) hits.set(`${s}:${rank}`, page.ranked[rank].hit);
        }),
      );
    }
    const pageHits = merged.page.flatMap(({ shard, rank, entry }) => entry.hit ?? hits.get(`${shard}:${rank}`) ?? []);
    return {
      total: merged.total,
      hits: pageHits,
      facets: { source: sortedFacet(merged.sourceCounts) },
      ...(failed.size > 0 ? { partial: true, unavailableShards: [...failed] } : {}),
    };
  }

  async article(id: string): Promise<StoredArticle | undefined> {
    const shard = shardFor(this.#shards, id);
    if (shard === undefined) return undefined;
    const response = await this.#fetch(shard, shardArticleUrl(id));
    if (response instanceof ShardFailure) {
      if (response.message.includes('404')) return undefined;
      throw new ProblemError(503, 'index-unavailable', `the shard that holds this article (${shard.name}) did not answer; retry later`);
    }
    return (await response.json()) as StoredArticle;
  }

  async #page(shard: ShardRoute, request: SearchRequest, hitsFrom: number, hitsTo: number): Promise<SearchPage | ShardFailure> {
    const response = await this.#fetch(shard, shardSearchUrl(request, hitsFrom, hitsTo));
    if (response instanceof ShardFailure) return response;
    try {
      return (await response.json()) as SearchPage;
    } catch (error) {
      return new ShardFailure(`${shard.name}: unreadable answer (${(error as Error).message})`);
    }
  }

  /** A shard's 200 response, or why there is none (logged: an operator should know). */
  async #fetch(shard: ShardRoute, url: string): Promise<Response | ShardFailure> {
    const binding = this.#env[shard.binding] as Fetcher | undefined;
    if (binding === undefined) return this.#failed(new ShardFailure(`${shard.name}: no service binding ${shard.binding} in this Worker's env`));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<ShardFailure>((resolve) => {
      timer = setTimeout(() => resolve(new ShardFailure(`${shard.name}: no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      const response = await Promise.race([binding.fetch(url), timeout]);
      if (response instanceof ShardFailure) return this.#failed(response);
      if (response.status === 404) return new ShardFailure(`${shard.name}: 404`);
      if (!response.ok) return this.#failed(new ShardFailure(`${shard.name}: status ${response.status}`));
      return response;
    } catch (error) {
      return this.#failed(new ShardFailure(`${shard.name}: ${(error as Error).message}`));
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  #failed(failure: ShardFailure): ShardFailure {
    console.error(failure.message);
    return failure;
  }
}
