import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from '../../src/search/select-top.ts';

describe('selectTop', () => {
  it('gives the first k of a stable sort, ties in input order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), tag: fc.nat() })), fc.integer({ min: -1, max: 40 }), (items, k) => {
        const compare = (a: { key: number }, b: { key: number }) => b.key - a.key;
        expect(selectTop(items, k, compare)).toEqual([...items].sort(compare).slice(0, Math.max(0, k)));
      }),
    );
  });

  it('leaves its input as it was', () => {
    const items = [3, 1, 2];
    expect(selectTop(items, 2, (a, b) => a - b)).toEqual([1, 2]);
    expect(items).toEqual([3, 1, 2]);
  });
});
