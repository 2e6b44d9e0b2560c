/**
 * Refuses, before anything is written, an index that a Worker could not load: over the bundle
 * size limit, or estimated over the isolate's memory or startup CPU. The estimates come from the
 * scale bench (bench/RESULTS.md, "Scale and cold start") and err on the safe side.
 */
import { readBlob } from '../src/search/compact/read-blob.ts';
import type { SectionName } from '../src/search/compact/layout.ts';

const MiB = 2 ** 20;

/** Cloudflare Workers limits (every plan): bundle size uncompressed, memory per isolate, startup CPU. */
export const WORKER_LIMITS = { bundleBytes: 64 * MiB, memoryBytes: 128 * MiB, startupMs: 1000 } as const;

/**
 * A request may invoke at most 32 Workers through service bindings, and every search asks every
 * shard: the public Worker and at most 31 shards.
 */
export const MAX_WORKERS_PER_REQUEST = 32;
export const MAX_SHARDS = MAX_WORKERS_PER_REQUEST - 1;
/** `--shards auto` splits by text and each shard keeps fixed costs: 15% more shards than the ratio says. */
export const SHARD_MARGIN = 1.15;

/**
 * Shares of the limits an index may use: the rest is for the Worker's own code, a request's
 * working memory (a query matching every article) and the difference between this machine
 * and Cloudflare's.
 */
export const LIMIT_SHARES = { memory: 0.75, startup: 0.5 } as const;

/** The Worker's own code in the bundle (Hono, MiniSearch, routes), with room to grow. */
const WORKER_CODE_BYTES = 512 * 1024;
/**
 * Memory besides the index file: the Worker's code and runtime, and per article the ids and one
 * search's results. bench:scale measured 9–10 MB of heap after load from 1,000 to 31,030
 * articles; these leave room for a query that matches every article.
 */
const BASE_MEMORY_BYTES = 16 * MiB;
const MEMORY_PER_ARTICLE_BYTES = 600;
/**
 * Startup CPU: `wrangler check startup` measured 33–38 ms from 1,000 to 31,030 articles (50 MiB),
 * flat, since the file is read in place. The per-MiB term is a margin, not a measurement.
 */
const BASE_STARTUP_MS = 60;
const STARTUP_MS_PER_MIB = 1.5;

export interface LimitEstimate {
  bundleBytes: number;
  memoryBytes: number;
  startupMs: number;
  /** Bytes of the index file by part, for the message. */
  parts: Record<'index' | 'bodies' | 'records' | 'vocabulary', number>;
}

const PART_OF: Record<SectionName, keyof LimitEstimate['parts']> = {
  termUnits: 'index',
  termOffsets: 'index',
  postingOffsets: 'index',
  postings: 'index',
  fieldLengths: 'index',
  idUnits: 'index',
  idOffsets: 'index',
  dateUnits: 'records',
  dateOffsets: 'records',
  sourceCodes: 'records',
  records: 'records',
  recordOffsets: 'records',
  bodyWordUnits: 'bodies',
  bodyWordMatches: 'bodies',
  bodyWordMatchOffsets: 'bodies',
  bodyWordOffsets: 'bodies',
  bodyCodes: 'bodies',
  bodyOffsets: 'bodies',
  vocabularyKeys: 'vocabulary',
  vocabularyWords: 'vocabulary',
  vocabularyCounts: 'vocabulary',
  lexiconUnits: 'vocabulary',
  lexiconOffsets: 'vocabulary',
  lexiconCounts: 'vocabulary',
  lexiconHamzated: 'vocabulary',
  byteOrder: 'index',
};

export function estimateLimits(blob: Uint8Array, moduleBytes: number): LimitEstimate {
  const { header } = readBlob(blob);
  const parts = { index: 0, bodies: 0, records: 0, vocabulary: 0 };
  for (const [name, ref] of Object.entries(header.sections)) parts[PART_OF[name as SectionName]] += ref.byteLength;
  // A shard's documentCount is the whole corpus's (for scoring); what it holds is nextId.
  const articles = header.nextId;
  return {
    bundleBytes: blob.length + moduleBytes + WORKER_CODE_BYTES,
    memoryBytes: blob.length + BASE_MEMORY_BYTES + articles * MEMORY_PER_ARTICLE_BYTES,
    startupMs: BASE_STARTUP_MS + (blob.length / MiB) * STARTUP_MS_PER_MIB,
    parts,
  };
}

const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;

/** Why the index would not fit, one line per limit; empty when it fits. */
export function limitProblems(estimate: LimitEstimate): string[] {
  const problems: string[] = [];
  if (estimate.bundleBytes > WORKER_LIMITS.bundleBytes) {
    problems.push(`bundle ${mib(estimate.bundleBytes)} is over the Workers limit of ${mib(WORKER_LIMITS.bundleBytes)}`);
  }
  const memory = WORKER_LIMITS.memoryBytes * LIMIT_SHARES.memory;
  if (estimate.memoryBytes > memory) {
    problems.push(
      `memory after load, estimated ${mib(estimate.memoryBytes)}, is over ${mib(memory)} (${LIMIT_SHARES.memory * 100}% of the ${mib(WORKER_LIMITS.memoryBytes)} isolate)`,
    );
  }
  const startup = WORKER_LIMITS.startupMs * LIMIT_SHARES.startup;
  if (estimate.startupMs > startup) {
    problems.push(
      `startup CPU, estimated ${estimate.startupMs.toFixed(0)} ms, is over ${startup} ms (${LIMIT_SHARES.startup * 100}% of the ${WORKER_LIMITS.startupMs} ms startup limit)`,
    );
  }
  return problems;
}

/** The refusal: what is too big, what takes the room, and what to do instead. */
export function limitMessage(estimate: LimitEstimate, problems: readonly string[]): string {
  const { index, bodies, records, vocabulary } = estimate.parts;
  return [
    `build-index: this index would not fit in a Worker; nothing was written.`,
    ...problems.map((problem) => `  - ${problem}`),
    `  the index file holds: search index ${mib(index)}, article bodies ${mib(bodies)}, titles and metadata ${mib(records)}, suggestion vocabulary ${mib(vocabulary)}.`,
    '  What to do instead: split it across Workers (--shards auto, the default, or --shards N: one public Worker',
    '  and N shard Workers, same answers), index fewer articles (for example the most recent ones), or shorten',
    '  the bodies in the corpus (a lead paragraph and the url of the full article).',
    '  --ignore-limits writes the index anyway (for local measurements; a deploy would fail or the Worker run out of memory).',
  ].join('\n');
}

/** How far over its limits an index is: the largest of its estimates over the shares it may use (≤ 1 fits). */
export function limitRatio(estimate: LimitEstimate): number {
  return Math.max(
    estimate.bundleBytes / WORKER_LIMITS.bundleBytes,
    estimate.memoryBytes / (WORKER_LIMITS.memoryBytes * LIMIT_SHARES.memory),
    estimate.startupMs / (WORKER_LIMITS.startupMs * LIMIT_SHARES.startup),
  );
}

/** The shard count `--shards auto` starts from for an index over its limits (at least 2; may be over MAX_SHARDS). */
export function autoShardCount(estimate: LimitEstimate): number {
  return Math.max(2, Math.ceil(limitRatio(estimate) * SHARD_MARGIN));
}

/** The refusal of a corpus that needs more shards than a request can reach. */
export function tooManyShardsMessage(needed: number, estimate: LimitEstimate): string {
  return [
    `build-index: this corpus needs about ${needed} shards, more than the ${MAX_SHARDS} a search can reach; nothing was written.`,
    `  A request may invoke at most ${MAX_WORKERS_PER_REQUEST} Workers through service bindings (the public Worker and ${MAX_SHARDS} shards),`,
    `  and every search asks every shard. As one Worker the index would take: bundle ${mib(estimate.bundleBytes)}, memory ~${mib(estimate.memoryBytes)},`,
    `  startup ~${estimate.startupMs.toFixed(0)} ms (article bodies ${mib(estimate.parts.bodies)} of it).`,
    '  What to do instead: index fewer articles (for example the most recent ones), or shorten the bodies in the',
    '  corpus (a lead paragraph and the url of the full article); bench/RESULTS.md ("Sharding") has the plan for',
    '  larger archives (bodies out of the shards).',
  ].join('\n');
}
