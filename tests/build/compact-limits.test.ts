import { describe, expect, it } from 'vitest';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import { estimateLimits, limitMessage, limitProblems, type LimitEstimate } from '../../build-index/check-limits.ts';

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
});
