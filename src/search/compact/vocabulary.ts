/**
 * The suggestion vocabulary over the compact file, split into arrays when the index is opened.
 * It used to be split on the first suggestion, which then cost ~10 ms at the 100,000-word
 * vocabulary (100,000 strings twice): the whole CPU budget of a request on the Free plan, paid by
 * the first suggestion or typo-corrected search of every isolate. Startup has 1 s of CPU.
 */
import type { Vocabulary } from '../index-format.ts';
import { decodeUtf16 } from './string-column.ts';

export function openVocabulary(keyUnits: Uint16Array, wordUnits: Uint16Array, counts: Uint32Array): Vocabulary {
  return { keys: split(keyUnits), words: split(wordUnits), counts };
}

function split(units: Uint16Array): string[] {
  return units.length === 0 ? [] : decodeUtf16(units).split('\n');
}
