/**
 * The live set as one isolate knows it: every entry of the store, read once at cold start and
 * then refreshed from the store's change sequence, never on every search. A search older than
 * half the freshness bound starts a refresh in the background; one older than the bound waits
 * for it, so a write is seen by every isolate within the bound (LIVE_FRESHNESS_MS, 5 s).
 * The isolate that takes a write refreshes before it answers: its next search sees the write.
 */
import { articleHash, canonicalArticle } from '../corpus/article-hash.ts';
import { ProblemError } from '../http/problem.ts';
import { localBackend, type SearchBackend } from '../search/backend.ts';
import type { IndexManifest } from '../search/index-format.ts';
import type { OpenedIndex } from '../search/read-index.ts';
import { analyzeArticle, type AnalyzedArticle } from './analyze-article.ts';
import { liveBackend } from './live-backend.ts';
import { createLiveView, type LiveArticle } from './live-view.ts';
import { LiveWordCounts } from './live-vocabulary.ts';
import { MAX_LIVE_ARTICLES, type ChangeBatch, type LiveSetFull, type LiveChange, type WriteOperation, type WriteResult } from './protocol.ts';

/** How long a write may take to reach every isolate's searches (LIVE_FRESHNESS_MS overrides). */
export const DEFAULT_FRESHNESS_MS = 5000;

/** The store as an isolate calls it (the LiveStore Durable Object's RPC stub). */
export interface LiveStoreClient {
  write(operations: WriteOperation[]): Promise<WriteResult[] | LiveSetFull>;
  changes(epoch: string, since: number): Promise<ChangeBatch>;
  forget(folded: readonly { id: string; sequence: number }[]): Promise<number>;
}

export interface BackendOptions {
  freshnessMs: number;
  /** Keeps a background refresh alive after the answer (ExecutionContext.waitUntil). */
  waitUntil(promise: Promise<unknown>): void;
}

interface Version {
  epoch: string;
  sequence: number;
  backend: SearchBackend;
  /** Entries the embedded index holds with the same content: the store may forget them. */
  folded: { id: string; sequence: number }[];
}

export class LiveSet {
  readonly #base: OpenedIndex;
  #epoch = '';
  #sequence = 0;
  #entries = new Map<string, LiveChange>();
  /** When the last successful read was sent (a write committed before then is in #entries). */
  #readAt: number | undefined;
  #refreshing: Promise<void> | undefined;
  #version: Version | undefined;
  #building: Promise<Version> | undefined;
  readonly #forgetting = new WeakSet<Version>();
  /** Kept across versions: an article is analyzed once, not at every change of the set. */
  readonly #analyses = new Map<string, { hash: string; analysis: AnalyzedArticle }>();
  readonly #baseHashes = new Map<string, string>();
  /** Suggestion counts kept across versions: a version applies only the articles that changed. */
  #wordCounts: LiveWordCounts | undefined;

  constructor(base: OpenedIndex) {
    this.#base = base;
  }

  get base(): OpenedIndex {
    return this.#base;
  }

  /** The backend for a search now: fresh within the bound, refreshed first if not. */
  async backend(store: LiveStoreClient, { freshnessMs, waitUntil }: BackendOptions): Promise<SearchBackend> {
    const age = this.#readAt === undefined ? Infinity : Date.now() - this.#readAt;
    if (age >= freshnessMs) {
      try {
        await this.refresh(store);
      } catch (error) {
        // Without any read the live set is unknown: answering from the base alone could show a retracted article.
        if (this.#readAt === undefined) throw new ProblemError(503, 'live-unavailable', 'the live set store did not answer; retry later');
        console.error('live set: refresh failed, answering from the last version read', error);
      }
    } else if (age >= freshnessMs / 2) {
      waitUntil(this.refresh(store).catch((error: unknown) => console.error('live set: background refresh failed', error)));
    }
    const version = await this.#current();
    if (version.folded.length > 0 && !this.#forgetting.has(version)) {
      // Once per version: the store drops what the deploy folded in, so it stops counting against the limit.
      this.#forgetting.add(version);
      waitUntil(store.forget(version.folded).catch((error: unknown) => console.error('live set: forgetting folded entries failed', error)));
    }
    return version.backend;
  }

  /**
   * Writes through the store, then reads until this isolate has seen the write: the writer's
   * next search shows it. The answer is the store's, given once the write is committed.
   */
  async write(store: LiveStoreClient, operations: WriteOperation[]): Promise<WriteResult[]> {
    const results = await store.write(operations);
    if ('full' in results) {
      throw new ProblemError(
        507,
        'live-set-full',
        `nothing written: this write would hold ${results.held} live articles, over the limit of ${MAX_LIVE_ARTICLES}; fold the live set into the base with the next deploy (npm run build-index -- --live <endpoint>, then npm run deploy)`,
      );
    }
    const written = Math.max(0, ...results.map((result) => result.sequence));
    try {
      // A read already under way may have been sent before the write: read again until it shows.
      while (this.#sequence < written) await this.refresh(store);
    } catch (error) {
      console.error('live set: refresh after a write failed; the next search reads it', error);
      this.#readAt = Number.NEGATIVE_INFINITY;
    }
    return results;
  }

  /** Every entry of the store, newest state per id (the export that folds the live set into a build). */
  async exportAll(store: LiveStoreClient): Promise<{ epoch: string; sequence: number; entries: LiveChange[] }> {
    const entries: LiveChange[] = [];
    let epoch = '';
    let since = 0;
    for (;;) {
      const batch = await store.changes(epoch, since);
      entries.push(...batch.changes);
      epoch = batch.epoch;
      if (!batch.more) return { epoch, sequence: batch.sequence, entries };
      since = batch.changes[batch.changes.length - 1]!.sequence;
    }
  }

  /** Whether the embedded index holds the id (shown or hidden). */
  inBase(id: string): boolean {
    return this.#base.articles.get(id) !== undefined;
  }

  /** Reads the changes since the known sequence (everything, the first time). One read at a time. */
  refresh(store: LiveStoreClient): Promise<void> {
    this.#refreshing ??= this.#read(store).finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #read(store: LiveStoreClient): Promise<void> {
    const sentAt = Date.now();
    let epoch = this.#epoch;
    let since = this.#sequence;
    // Copied, not changed in place: a version being built reads the entries it started with.
    let entries = new Map(this.#entries);
    for (let first = true; ; first = false) {
      const batch = await store.changes(epoch, since);
      if (first && batch.full) entries = new Map();
      for (const change of batch.changes) entries.set(change.id, change);
      epoch = batch.epoch;
      if (!batch.more) {
        since = batch.sequence;
        break;
      }
      since = batch.changes[batch.changes.length - 1]!.sequence;
    }
    this.#epoch = epoch;
    this.#sequence = since;
    this.#entries = entries;
    this.#readAt = sentAt;
  }

  async #current(): Promise<Version> {
    if (this.#version?.sequence === this.#sequence && this.#version.epoch === this.#epoch) return this.#version;
    const building = this.#building;
    if (building !== undefined) {
      const version = await building;
      if (version.sequence === this.#sequence && version.epoch === this.#epoch) return version;
    }
    this.#building = this.#build();
    try {
      const version = await this.#building;
      this.#version = version;
      return version;
    } finally {
      this.#building = undefined;
    }
  }

  /** The backend of the entries read: the base alone when the live set changes nothing. */
  async #build(): Promise<Version> {
    const sequence = this.#sequence;
    const epoch = this.#epoch;
    const entries = this.#entries;
    const base = this.#base;
    const live: LiveArticle[] = [];
    const hidden = new Set<string>();
    const folded: Version['folded'] = [];
    for (const entry of entries.values()) {
      const inBase = base.articles.get(entry.id) !== undefined;
      if (entry.article === null) {
        if (inBase) hidden.add(entry.id);
        continue;
      }
      // Folded: the embedded index holds this very article (a rebuild took the live set in).
      if (inBase && (await this.#baseHash(entry.id)) === entry.hash) {
        folded.push({ id: entry.id, sequence: entry.sequence });
        continue;
      }
      if (inBase) hidden.add(entry.id);
      let known = this.#analyses.get(entry.id);
      if (known?.hash !== entry.hash) {
        known = { hash: entry.hash ?? '', analysis: analyzeArticle(entry.article, base.fieldIds, base.analyzer) };
        this.#analyses.set(entry.id, known);
      }
      live.push({ article: entry.article, analysis: known.analysis });
    }
    for (const id of this.#analyses.keys()) if (entries.get(id)?.article == null) this.#analyses.delete(id);
    live.sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
    const manifest: IndexManifest = { ...base.manifest, live: { epoch, sequence, articles: live.length, hidden: hidden.size } };
    if (live.length === 0 && hidden.size === 0) return { sequence, epoch, folded, backend: { ...localBackend(base), manifest } };
    const view = createLiveView({ base, live, hidden, wordCounts: (this.#wordCounts ??= new LiveWordCounts(base.analyzer)) });
    return { sequence, epoch, folded, backend: liveBackend(view, { ...manifest, articles: view.documentCount }) };
  }

  async #baseHash(id: string): Promise<string> {
    let hash = this.#baseHashes.get(id);
    if (hash === undefined) {
      hash = await articleHash(canonicalArticle(this.#base.articles.get(id)!));
      this.#baseHashes.set(id, hash);
    }
    return hash;
  }
}
