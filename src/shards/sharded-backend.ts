/**
 * The public Worker of a sharded corpus: every search goes to all shards at once over service
 * bindings, their ranked matches merge into the page one index would give (merge-pages.ts), and
 * the shards that hold that page make its hits.
 * A shard that fails or is too slow leaves a partial answer that says so, never a 500; an
 * article is asked of the one shard whose id range holds it.
 */
import { ProblemError } from '../http/problem.ts';
import type { Analyzer } from '../text/analyze.ts';
import type { SearchBackend, ShardHealth } from '../search/backend.ts';
import type { IndexManifest, StoredArticle, Vocabulary } from '../search/index-format.ts';
import { sortedFacet, type HitRequest, type SearchPage, type SearchRequest, type SearchResponse, type SearchHit } from '../search/search-articles.ts';
import { mergePages } from '../search/merge-pages.ts';
import { SHARD_HITS_URL, shardArticleUrl, shardFor, shardHealthUrl, shardSearchUrl, type ShardRoute } from './protocol.ts';

/**
 * Hits each shard makes in advance beyond its even share of a first page: enough that most pages
 * need one round trip, few enough that shards do not each make a page of snippets.
 */
const SPECULATIVE_EXTRA_HITS = 2;

/** How long a shard may take before the answer goes out without it (SHARD_TIMEOUT_MS overrides). */
export const DEFAULT_SHARD_TIMEOUT_MS = 3000;

export interface ShardedBackendParts {
  manifest: IndexManifest;
  vocabulary: Vocabulary;
  /** The analyzer of the corpus's lexicon (the router file carries it). */
  analyzer: Analyzer;
  shards: readonly ShardRoute[];
  /** The public Worker's env: one service binding per shard, and SHARD_TIMEOUT_MS. */
  env: Record<string, unknown>;
}

class ShardFailure extends Error {
  override name = 'ShardFailure';
  /** The shard's HTTP status, when it answered at all. */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

function timeoutOf(env: Record<string, unknown>): number {
  const value = Number(env['SHARD_TIMEOUT_MS']);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SHARD_TIMEOUT_MS;
}

export class ShardedBackend implements SearchBackend {
  readonly manifest: IndexManifest;
  readonly vocabulary: Vocabulary;
  readonly analyzer: Analyzer;
  readonly #shards: readonly ShardRoute[];
  readonly #env: Record<string, unknown>;
  readonly #timeoutMs: number;

  constructor(parts: ShardedBackendParts) {
    this.manifest = parts.manifest;
    this.vocabulary = parts.vocabulary;
    this.analyzer = parts.analyzer;
    this.#shards = parts.shards;
    this.#env = parts.env;
    this.#timeoutMs = timeoutOf(parts.env);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    // Every shard ranks its matches and makes hits for its first few: a first page spread over
    // the shards needs no second round trip. The merge picks the page; hits not made in advance
    // are asked of the shards that hold them.
    const speculative = request.offset === 0 ? Math.min(request.limit, Math.ceil(request.limit / this.#shards.length) + SPECULATIVE_EXTRA_HITS) : 0;
    const pages = await Promise.all(this.#shards.map((shard) => this.#page(shard, request, speculative)));
    const failed = new Set(this.#shards.filter((_, s) => pages[s] instanceof ShardFailure).map((shard) => shard.name));
    if (failed.size === this.#shards.length)
      throw new ProblemError(503, 'index-unavailable', `no shard of the index answered (${[...failed].join(', ')}); retry later`);
    const merged = mergePages(
      pages.map((page) => (page instanceof ShardFailure ? undefined : page)),
      request,
    );

    const hits = new Map<string, SearchHit>();
    const picked = new Map<number, HitRequest[]>();
    for (const { shard, entry } of merged.page) {
      if (entry.hit !== undefined) hits.set(entry.id, entry.hit);
      else picked.set(shard, [...(picked.get(shard) ?? []), { id: entry.id, terms: entry.terms, inBody: entry.inBody, score: entry.score }]);
    }
    await Promise.all(
      [...picked].map(async ([s, requests]) => {
        const made = await this.#hits(this.#shards[s]!, requests);
        if (made instanceof ShardFailure) failed.add(this.#shards[s]!.name);
        else for (const hit of made) hits.set(hit.id, hit);
      }),
    );
    return {
      total: merged.total,
      hits: merged.page.flatMap(({ entry }) => hits.get(entry.id) ?? []),
      facets: { source: sortedFacet(merged.sourceCounts) },
      ...(merged.estimated ? { estimated: merged.estimated } : {}),
      ...(failed.size > 0 ? { partial: true, unavailableShards: [...failed] } : {}),
      slowestShardMs: Math.max(0, ...pages.map((page) => (page instanceof ShardFailure ? 0 : page.serverMs))),
    };
  }

  async article(id: string): Promise<StoredArticle | undefined> {
    const shard = shardFor(this.#shards, id);
    if (shard === undefined) return undefined;
    const response = await this.#fetch(shard, new Request(shardArticleUrl(id)));
    if (response instanceof ShardFailure) {
      if (response.status === 404) return undefined;
      throw new ProblemError(503, 'index-unavailable', `the shard that holds this article (${shard.name}) did not answer; retry later`);
    }
    return (await response.json()) as StoredArticle;
  }

  /** Asks every shard for its health at once; a shard that does not answer in time is unavailable. */
  shardHealth(): Promise<ShardHealth[]> {
    return Promise.all(
      this.#shards.map(async (shard) => {
        const response = await this.#fetch(shard, new Request(shardHealthUrl()));
        const status = response instanceof ShardFailure ? 'unavailable' : 'ok';
        if (!(response instanceof ShardFailure)) await response.body?.cancel();
        return { name: shard.name, status, articles: shard.articles } satisfies ShardHealth;
      }),
    );
  }

  async #page(shard: ShardRoute, request: SearchRequest, hits: number): Promise<(SearchPage & { serverMs: number }) | ShardFailure> {
    let serverMs = 0;
    const page = await this.#json<SearchPage>(shard, new Request(shardSearchUrl(request, hits)), (response) => {
      serverMs = Number(/dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1] ?? 0);
    });
    return page instanceof ShardFailure ? page : { ...page, serverMs };
  }

  #hits(shard: ShardRoute, requests: readonly HitRequest[]): Promise<SearchHit[] | ShardFailure> {
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(requests) };
    return this.#json<SearchHit[]>(shard, new Request(SHARD_HITS_URL, init));
  }

  async #json<T>(shard: ShardRoute, request: Request, onResponse: (response: Response) => void = () => undefined): Promise<T | ShardFailure> {
    const response = await this.#fetch(shard, request);
    if (response instanceof ShardFailure) return response;
    onResponse(response);
    try {
      return (await response.json()) as T;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return this.#failed(new ShardFailure(this.#reason(shard, error)));
      return this.#failed(new ShardFailure(`${shard.name}: unreadable answer (${(error as Error).message})`));
    }
  }

  /** A shard's 200 response, or why there is none (logged: an operator should know). */
  async #fetch(shard: ShardRoute, request: Request): Promise<Response | ShardFailure> {
    const binding = this.#env[shard.binding] as Fetcher | undefined;
    if (binding === undefined) return this.#failed(new ShardFailure(`${shard.name}: no service binding ${shard.binding} in this Worker's env`));
    try {
      // The signal cancels the call itself when time is up (and a body still being read), so a
      // slow shard does not keep working for an answer that has already gone out.
      const response = await binding.fetch(request, { signal: AbortSignal.timeout(this.#timeoutMs) });
      // A 404 is an answer (no such article), not an outage: not logged.
      if (response.status === 404) return new ShardFailure(`${shard.name}: 404`, 404);
      if (!response.ok) return this.#failed(new ShardFailure(`${shard.name}: status ${response.status}`, response.status));
      return response;
    } catch (error) {
      return this.#failed(new ShardFailure(this.#reason(shard, error)));
    }
  }

  #reason(shard: ShardRoute, error: unknown): string {
    if ((error as Error).name === 'TimeoutError') return `${shard.name}: no answer within ${this.#timeoutMs} ms`;
    return `${shard.name}: ${(error as Error).message}`;
  }

  #failed(failure: ShardFailure): ShardFailure {
    console.error(failure.message);
    return failure;
  }
}
