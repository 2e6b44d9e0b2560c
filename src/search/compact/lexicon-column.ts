/**
 * The lexicon over the compact file: sorted word forms and their counts, looked up by binary
 * search in place (no map is built at cold start; a query word costs a few lookups).
 */
import type { Lexicon } from '../../text/lexicon.ts';
import { StringColumn } from './string-column.ts';

export class ColumnLexicon implements Lexicon {
  readonly #forms: StringColumn;
  readonly #counts: Uint32Array;
  readonly #hamzated: Uint32Array;

  constructor(forms: StringColumn, counts: Uint32Array, hamzated: Uint32Array) {
    this.#forms = forms;
    this.#counts = counts;
    this.#hamzated = hamzated;
  }

  count(form: string): number {
    const at = this.#forms.indexOf(form);
    return at === -1 ? 0 : this.#counts[at]!;
  }

  hamzated(form: string): number {
    const at = this.#forms.indexOf(form);
    return at === -1 ? 0 : this.#hamzated[at]!;
  }
}
