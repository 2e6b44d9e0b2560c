/**
 * Forgiving queries: a query word that matches nothing in the index is looked up among the
 * corpus vocabulary's words one typing slip away. Edits are counted on folded words (marks,
 * alef/hamza, ya and ta marbuta forms never count), and the slips Arabic typists make cost half
 * an edit: a neighbouring key of the Arabic keyboard, a confusable pair (ض/ظ, ذ/ز, ث/س, ص/س,
 * ط/ت, ق/ك, ح/ه), a doubled or dropped letter, two letters swapped. Words of three letters or
 * fewer are never corrected: too many real words lie one edit apart.
 */
import { normalizeText } from '../text/normalize.ts';
import type { Vocabulary } from './index-format.ts';

/** Shortest word (in letters) that is corrected. */
export const MIN_CORRECTED_LENGTH = 4;
/** Longer "words" are not corrected: Arabic words stop well before, and a word's variants grow with its length (a flood of letters run together would cost milliseconds). */
export const MAX_CORRECTED_LENGTH = 20;
/** Most a correction may cost: one ordinary edit, or two typing slips. */
const MAX_COST = 1;
const SLIP = 0.5;

/** Letters a folded Arabic word is made of: what substitutions and insertions try. */
const LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/** Rows of the Arabic (101) keyboard, folded (ة → ه, ى → ي, ئ ؤ → ء): neighbours are one slip apart. */
const KEYBOARD_ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ءرلايهوزظ'];
const CONFUSABLE = ['ضظ', 'ذز', 'ثس', 'صس', 'طت', 'قك', 'حه', 'ذد', 'تث'];

const slips = new Set<string>();
for (const row of KEYBOARD_ROWS) {
  for (let i = 0; i + 1 < row.length; i++) {
    slips.add(row[i]! + row[i + 1]!);
    slips.add(row[i + 1]! + row[i]!);
  }
}
for (const pair of CONFUSABLE) {
  slips.add(pair);
  slips.add(pair[1]! + pair[0]!);
}

function substitutionCost(a: string, b: string): number {
  return slips.has(a + b) ? SLIP : 1;
}

/**
 * The one-edit variants of `word` (deletion, transposition, substitution, insertion) with what
 * each costs. Dropping one of a doubled letter, or doubling one, is a slip.
 */
function variants(word: string): Map<string, number> {
  const found = new Map<string, number>();
  const add = (variant: string, cost: number) => {
    if (variant.length > 0 && (found.get(variant) ?? Infinity) > cost) found.set(variant, cost);
  };
  for (let i = 0; i < word.length; i++) {
    const letter = word[i]!;
    const doubled = word[i - 1] === letter || word[i + 1] === letter;
    add(word.slice(0, i) + word.slice(i + 1), doubled ? SLIP : 1);
    if (i + 1 < word.length && word[i + 1] !== letter) add(word.slice(0, i) + word[i + 1] + letter + word.slice(i + 2), SLIP);
    for (const other of LETTERS) if (other !== letter) add(word.slice(0, i) + other + word.slice(i + 1), substitutionCost(letter, other));
  }
  for (let i = 0; i <= word.length; i++) {
    for (const other of LETTERS) add(word.slice(0, i) + other + word.slice(i), word[i - 1] === other || word[i] === other ? SLIP : 1);
  }
  return found;
}

export interface CloseWord {
  /** The vocabulary's key (folded) and the word as the corpus most often writes it. */
  key: string;
  word: string;
  cost: number;
  /** Articles it occurs in. */
  count: number;
}

/** The vocabulary word closest to `typed` (cheapest, then most frequent), or undefined. */
export function closestWord(vocabulary: Vocabulary, typed: string): CloseWord | undefined {
  const folded = normalizeText(typed);
  if (!ARABIC_WORD.test(folded) || folded.length < MIN_CORRECTED_LENGTH || folded.length > MAX_CORRECTED_LENGTH) return undefined;
  let best: CloseWord | undefined;
  for (const [variant, cost] of variants(folded)) {
    if (cost > MAX_COST) continue;
    const at = vocabulary.lowerBound(variant);
    if (!vocabulary.keyIs(at, variant)) continue;
    const count = vocabulary.count(at);
    if (best === undefined || cost < best.cost || (cost === best.cost && count > best.count)) {
      best = { key: variant, word: vocabulary.word(at), cost, count };
    }
  }
  return best;
}

/** Every variant one slip or edit from `prefix` that some word starts with (`completes`): what a suggestion for a mistyped prefix completes. */
export function closePrefixes(completes: (prefix: string) => boolean, prefix: string): string[] {
  const folded = normalizeText(prefix);
  if (!ARABIC_WORD.test(folded) || folded.length < MIN_CORRECTED_LENGTH || folded.length > MAX_CORRECTED_LENGTH) return [];
  const found: { variant: string; cost: number }[] = [];
  for (const [variant, cost] of variants(folded)) {
    if (cost > MAX_COST) continue;
    if (completes(variant)) found.push({ variant, cost });
  }
  return found.sort((a, b) => a.cost - b.cost).map(({ variant }) => variant);
}
