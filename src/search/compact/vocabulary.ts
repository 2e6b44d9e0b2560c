/**
 * The suggestion vocabulary over the compact file. The word lists are split into arrays on the
 * first suggestion, not at cold start: most isolates answer searches only.
 */
import type { Vocabulary } from '../index-format.ts';
import { decodeUtf16 } from './string-column.ts';

export class LazyVocabulary implements Vocabulary {
  readonly counts: Uint32Array;
  readonly #keyUnits: Uint16Array;
  readonly #wordUnits: Uint16Array;
  #keys: string[] | undefined;
  #words: string[] | undefined;

  constructor(keyUnits: Uint16Array, wordUnits: Uint16Array, counts: Uint32Array) {
    this.#keyUnits = keyUnits;
    this.#wordUnits = wordUnits;
    this.counts = counts;
  }

  get keys(): string[] {
    return (this.#keys ??= split(this.#keyUnits));
  }

  get words(): string[] {
    return (this.#words ??= split(this.#wordUnits));
  }
}

function split(units: Uint16Array): string[] {
  return units.length === 0 ? [] : decodeUtf16(units).split('\n');
}
