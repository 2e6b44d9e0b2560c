/**
 * The embedded index, loaded once per isolate (see read-index.ts for what loading does).
 */
import * as generated from '../generated/index-data.js';
import { loadIndex, type LoadedIndex } from './read-index.ts';

export { IndexMismatchError, loadIndex, type IndexData, type LoadedIndex } from './read-index.ts';

let current: LoadedIndex | undefined;

// Open the index while the module is evaluated: Workers give startup about 1 s of CPU, and the
// first request only 10 ms on the free plan. A broken index is left for getIndex() to report
// (as a logged 503) on first use, instead of failing the whole Worker at startup.
try {
  current = loadIndex(generated);
} catch {
  current = undefined;
}

/** The embedded index, loaded at startup (or on first use, to report why it cannot be) and kept for the life of the isolate. */
export function getIndex(): LoadedIndex {
  current ??= loadIndex(generated);
  return current;
}
