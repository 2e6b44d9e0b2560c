/**
 * A light Arabic stemmer of the light10 / Lucene ArabicStemmer family: strips one clitic
 * prefix (conjunction, preposition and article chains) and common suffixes, with length
 * guards so that short words and names keep their letters. Works on folded words
 * (see `foldLetters`): ة is already ه, ى is already ي, hamzated alefs are ا.
 */

/** Longest first, so `وال` wins over `و`. */
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'] as const;
/** Tried in this order; each that matches is removed (as Lucene does), so `ات` + `ها` can both go. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

/** A stem never gets shorter than this many letters. */
const MIN_STEM = 2;

function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    // The lone conjunction و needs a longer word: `ورد`, `وزن` are words, not و + stem.
    const minRest = prefix.length === 1 ? MIN_STEM + 1 : MIN_STEM;
    if (word.startsWith(prefix) && word.length - prefix.length >= minRest) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

function stripSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) {
      stem = stem.slice(0, -suffix.length);
    }
  }
  return stem;
}

/** Stems a folded Arabic word; anything that is not Arabic letters is returned unchanged. */
export function stem(word: string): string {
  if (!/^[\u0621-\u064A]+$/.test(word)) return word;
  return stripSuffixes(stripPrefix(word));
}
