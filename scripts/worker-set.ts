/**
 * The Workers the last build made (src/generated/workers.json, written by build-index): one, or a
 * sharded set (shard Workers first, the public Worker last). `npm start` and `npm run deploy`
 * read it, so one command serves or deploys whatever the corpus needed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerSet } from '../build-index/worker-set.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_SET = join(ROOT, 'src/generated/workers.json');

/** The configurations of a build, absolute, in deploy order (shards first, public Worker last). */
export function readWorkerSet(path = DEFAULT_SET): { shards: number; configs: string[] } {
  let set: WorkerSet;
  try {
    set = JSON.parse(readFileSync(path, 'utf8')) as WorkerSet;
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}; run npm run build-index first`, { cause: error });
  }
  return { shards: set.shards, configs: set.configs.map((config) => resolve(dirname(path), config)) };
}

/** The set's configurations in `wrangler dev` order: the public Worker's first (it gets the requests). */
export function devOrder(configs: readonly string[]): string[] {
  return [configs[configs.length - 1]!, ...configs.slice(0, -1)];
}

/** `wrangler dev` arguments for the whole set (`-c` pairs in devOrder). */
export function devConfigArgs(configs: readonly string[]): string[] {
  return devOrder(configs).flatMap((config) => ['-c', config]);
}
