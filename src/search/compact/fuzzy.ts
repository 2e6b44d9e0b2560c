/**
 * Terms within an edit distance of a query term, over a sorted term column. Walking the terms
 * in sorted order shares the Levenshtein rows of a common prefix between neighbours (the
 * column is a trie in disguise), and a prefix whose best row is already over the limit skips,
 * by binary search, every term that starts with it. Distances are exact Levenshtein distances,
 * as MiniSearch's radix-tree walk computes them.
 */
import { decodeUtf16, type StringColumn } from './string-column.ts';

export interface FuzzyMatch {
  /** Index of the term in the column. */
  index: number;
  distance: number;
}

export function fuzzyMatches(terms: StringColumn, query: string, maxDistance: number): FuzzyMatch[] {
  const matches: FuzzyMatch[] = [];
  const n = query.length + 1;
  const maxLength = query.length + maxDistance;
  // rows[k] is the Levenshtein row of the current term's first k units against the query.
  const rows = new Int32Array((maxLength + 2) * n);
  for (let j = 0; j < n; j++) rows[j] = j;
  let previous: Uint16Array = new Uint16Array(0);
  let computed = 0; // rows 1..computed hold the prefix of `previous`

  let i = 0;
  while (i < terms.length) {
    const units = terms.units(i);
    let shared = 0;
    const limit = Math.min(computed, units.length, previous.length);
    while (shared < limit && units[shared] === previous[shared]) shared++;

    let pruneAt = -1;
    const last = Math.min(units.length, maxLength + 1);
    for (let k = shared + 1; k <= last; k++) {
      const row = k * n;
      const above = row - n;
      const unit = units[k - 1];
      rows[row] = k;
      let best = k;
      for (let j = 1; j < n; j++) {
        const substitute = rows[above + j - 1]! + (unit === query.charCodeAt(j - 1) ? 0 : 1);
        const remove = rows[above + j]! + 1;
        const insert = rows[row + j - 1]! + 1;
        const distance = Math.min(substitute, remove, insert);
        rows[row + j] = distance;
        if (distance < best) best = distance;
      }
      // Row minima never decrease with k: every longer term with this prefix is out of reach.
      if (best > maxDistance || k > maxLength) {
        pruneAt = k;
        break;
      }
    }

    previous = units;
    if (pruneAt !== -1) {
      computed = pruneAt - 1;
      i = terms.prefixEnd(decodeUtf16(units.subarray(0, pruneAt)), i);
      continue;
    }
    computed = units.length;
    const distance = rows[units.length * n + n - 1]!;
    if (distance <= maxDistance) matches.push({ index: i, distance });
    i++;
  }
  return matches;
}
