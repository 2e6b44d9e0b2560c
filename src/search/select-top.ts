/**
 * The first k items in `compare` order, exactly as `[...items].sort(compare).slice(0, k)`
 * (a stable sort: ties keep their input order), without sorting them all: a page shows ten of
 * what can be tens of thousands of matches. O(n log k) with a heap of the best k so far.
 */
export function selectTop<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0 || items.length === 0) return [];
  if (k >= items.length) return [...items].sort(compare);
  // Positions compared with ties broken by position: what a stable sort does.
  const before = (a: number, b: number): boolean => {
    const order = compare(items[a]!, items[b]!);
    return order < 0 || (order === 0 && a < b);
  };
  // Max-heap of positions: the worst of the best k is on top, replaced when something beats it.
  const heap: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent]!, heap[at]!)) break;
        [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
        at = parent;
      }
    } else if (before(i, heap[0]!)) {
      heap[0] = i;
      for (let at = 0; ;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let worst = at;
        if (left < k && before(heap[worst]!, heap[left]!)) worst = left;
        if (right < k && before(heap[worst]!, heap[right]!)) worst = right;
        if (worst === at) break;
        [heap[worst], heap[at]] = [heap[at]!, heap[worst]!];
        at = worst;
      }
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1)).map((at) => items[at]!);
}
