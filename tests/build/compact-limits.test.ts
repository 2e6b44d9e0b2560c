import { describe, expect, it } from 'vitest';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import {
  autoShardCount,
  estimateLimits,
  limitMessage,
  limitProblems,
  MAX_SHARDS,
  tooManyShardsMessage,
  type LimitEstimate,
} from '../../build-index/check-limits.ts';
import { makeCorpus, runBuild } from './run-build.ts';

const MiB = 2 ** 20;
const parts = { index: 20 * MiB, bodies: 40 * MiB, records: 10 * MiB, vocabulary: 3 * MiB };

describe('Worker limits check', () => {
  it('accepts a small index and estimates it from its file', () => {
    const data = buildIndexData([{ id: 'a', title: 'عنوان', body: 'نص الخبر' }], { builtAt: '2026-01-01T00:00:00.000Z' });
    const estimate = estimateLimits(data.blob, 200);
    expect(limitProblems(estimate)).toEqual([]);
    expect(estimate.bundleBytes).toBeGreaterThan(data.blob.length);
    expect(estimate.parts.bodies).toBeGreaterThan(0);
  });

  it.each<[string, Partial<LimitEstimate>, string]>([
    ['a bundle over 64 MiB', { bundleBytes: 70 * MiB }, 'bundle 70.0 MiB is over the Workers limit of 64.0 MiB'],
    ['too much memory', { memoryBytes: 100 * MiB }, 'memory after load, estimated 100.0 MiB, is over 96.0 MiB (75% of the 128.0 MiB isolate)'],
    ['too much startup CPU', { startupMs: 600 }, 'startup CPU, estimated 600 ms, is over 500 ms (50% of the 1000 ms startup limit)'],
  ])('refuses %s, saying which limit', (_name, over, problem) => {
    const estimate: LimitEstimate = { bundleBytes: MiB, memoryBytes: MiB, startupMs: 10, parts, ...over };
    expect(limitProblems(estimate)).toEqual([problem]);
  });

  it('says what takes the room and what to do instead', () => {
    const estimate: LimitEstimate = { bundleBytes: 80 * MiB, memoryBytes: MiB, startupMs: 10, parts };
    const message = limitMessage(estimate, limitProblems(estimate));
    expect(message).toMatch(/^build-index: this index would not fit in a Worker; nothing was written\./);
    expect(message).toContain('article bodies 40.0 MiB');
    expect(message).toContain('index fewer articles');
    expect(message).toContain('--ignore-limits');
  });

  it('splits an index over its limits into 15% more shards than it is over, two at least', () => {
    const estimate = (bundleBytes: number): LimitEstimate => ({ bundleBytes, memoryBytes: MiB, startupMs: 10, parts });
    expect(autoShardCount(estimate(70 * MiB))).toBe(2);
    expect(autoShardCount(estimate(10 * 64 * MiB))).toBe(12);
  });

  it('refuses, with --shards auto, a corpus that needs more shards than a search can reach', () => {
    // About 1 million SaudiNewsNet articles as one Worker: 2.3 KiB of file and 600 B of memory per article.
    const articles = 1_000_000;
    const file = articles * 2.3 * 1024;
    const estimate: LimitEstimate = {
      bundleBytes: file,
      memoryBytes: file + 16 * MiB + articles * 600,
      startupMs: 60 + (file / MiB) * 1.5,
      parts: { ...parts, bodies: file / 2 },
    };
    const needed = autoShardCount(estimate);
    expect(needed).toBeGreaterThan(MAX_SHARDS);
    expect(MAX_SHARDS).toBe(31);
    const message = tooManyShardsMessage(needed, estimate).split('\n');
    expect(message[0]).toBe(`build-index: this corpus needs about ${needed} shards, more than the 31 a search can reach; nothing was written.`);
    expect(message[1]).toBe('  A request may invoke at most 32 Workers through service bindings (the public Worker and 31 shards),');
    expect(message.join('\n')).toContain('index fewer articles');
  });

  it('refuses --shards over 31, naming the limit', () => {
    const run = runBuild(makeCorpus({ 'a.md': '---\ntitle: ع\n---\n\nنص\n' }), ['--shards', '32']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'build-index: --shards must be auto or a whole number from 1 to 31 (a request may invoke at most 32 Workers: the public one and 31 shards), not "32"',
    );
  });
});
