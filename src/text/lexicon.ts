/**
 * The lexicon: how often each word form occurs, the evidence the analyzer decides clitics and
 * endings by (`لبنان` stays whole because `بنان` is rare; `بمصر` loses its `ب` because `مصر` is
 * common). The build counts the corpus's words on top of a shipped base list and writes the
 * result into the index; the Worker reads the same counts back, so a query word is analyzed
 * exactly as the same word in an article.
 */
import { foldLetters } from './normalize.ts';
import { canonicalSpelling } from './variants.ts';

export interface Lexicon {
  /** Occurrences of a word form (see {@link wordForm}); 0 when unknown or below {@link MIN_LEXICON_COUNT}. */
  count(form: string): number;
  /** Of those, how many were written with a hamza on the alef of a leading `ال` (`ألمانيا`, `آلاف`): its letters, not the article. */
  hamzated(form: string): number;
}

/** Forms seen fewer times than this are left out of the lexicon: one sighting is no evidence, and it keeps the index small. */
export const MIN_LEXICON_COUNT = 3;

/** A lexicon that knows no word: the analyzer then falls back to its letter rules. */
export const EMPTY_LEXICON: Lexicon = { count: () => 0, hamzated: () => 0 };

/** Only words of Arabic letters are counted and decided by evidence; everything else keeps its letters. */
export const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/** The form a cleaned token is counted and looked up under: letters folded, known spelling variants rewritten. */
export function wordForm(cleanedToken: string): string {
  return canonicalSpelling(foldLetters(cleanedToken));
}

/** A hamza written on the alef of a leading `ال`, after at most a conjunction and a preposition. */
const HAMZATED_AL = /^[وف]?[بلك]?[أإآ]ل/;

/** True when the cleaned (unfolded) token writes a hamza on the alef of its leading `ال`. */
export function writesHamzatedAl(cleanedToken: string): boolean {
  return HAMZATED_AL.test(cleanedToken);
}

/** One lexicon entry: a form and its two counts. */
export interface LexiconEntry {
  form: string;
  count: number;
  hamzated: number;
}

/** Counts forms (the build's side): add tokens, then read it as a Lexicon or as sorted entries. */
export class CountingLexicon implements Lexicon {
  readonly #counts = new Map<string, [count: number, hamzated: number]>();

  /** Counts one cleaned token (output of `wordTokens`); tokens that are not Arabic words are ignored. */
  addToken(cleanedToken: string): void {
    if (!ARABIC_WORD.test(foldLetters(cleanedToken))) return;
    this.addForm(wordForm(cleanedToken), 1, writesHamzatedAl(cleanedToken) ? 1 : 0);
  }

  addForm(form: string, count: number, hamzated: number): void {
    const entry = this.#counts.get(form);
    if (entry === undefined) this.#counts.set(form, [count, hamzated]);
    else {
      entry[0] += count;
      entry[1] += hamzated;
    }
  }

  count(form: string): number {
    const count = this.#counts.get(form)?.[0] ?? 0;
    return count >= MIN_LEXICON_COUNT ? count : 0;
  }

  hamzated(form: string): number {
    const entry = this.#counts.get(form);
    return entry !== undefined && entry[0] >= MIN_LEXICON_COUNT ? entry[1] : 0;
  }

  /** The entries a lexicon keeps (count ≥ MIN_LEXICON_COUNT), sorted by form in code-unit order. */
  entries(): LexiconEntry[] {
    const kept: LexiconEntry[] = [];
    for (const [form, [count, hamzated]] of this.#counts) if (count >= MIN_LEXICON_COUNT) kept.push({ form, count, hamzated });
    return kept.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  }
}
