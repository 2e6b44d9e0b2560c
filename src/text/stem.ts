/**
 * A light Arabic stemmer of the light10 / Lucene ArabicStemmer family: strips one clitic
 * prefix (conjunction, preposition and article chains) and common suffixes, with length
 * guards so that short words and names keep their letters. Works on folded words
 * (see `foldLetters`): ة is already ه, ى is already ي, hamzated alefs are ا.
 */

/** Longest first, so `وال` wins over `و`. */
const PREFIXES = ['وبال', 'وكال', 'ولل', 'فبال', 'فكال', 'فلل', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'] as const;
/** Attached pronouns: removed first, so a ta marbuta before them can be restored. */
const PRONOUNS = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ه'] as const;
/** Tried in this order; each that matches is removed (as Lucene does), so `ات` + `ها` can both go. */
const SUFFIXES = ['ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

/** A stem never gets shorter than this many letters. */
const MIN_STEM = 2;
/**
 * Dual and plural endings leave at least three letters: in `سكان`, `مكان`, `بيان`, `مدين(ة)` the
 * letters are the word, and cutting them would merge it with unrelated two-letter stems.
 */
const NUMBER_SUFFIXES: ReadonlySet<string> = new Set(['ان', 'ون', 'ين']);
const MIN_NUMBER_STEM = 3;
/** Pronoun suffixes leave at least three letters: `فهم`, `سهم`, `حكم` are words, not stem + pronoun. */
const MIN_PRONOUN_STEM = 3;
/** A ta marbuta is written ت before a pronoun (`عاصمتها` of `عاصمة`); only restored on stems this long, so `بيتها` keeps `بيت`. */
const MIN_TA_MARBUTA_STEM = 4;

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

function stripPronoun(word: string): string {
  for (const pronoun of PRONOUNS) {
    if (word.endsWith(pronoun) && word.length - pronoun.length >= MIN_PRONOUN_STEM) {
      const rest = word.slice(0, -pronoun.length);
      const restoresTaMarbuta = rest.endsWith('ت') && !rest.endsWith('ات') && rest.length >= MIN_TA_MARBUTA_STEM;
      return restoresTaMarbuta ? `${rest.slice(0, -1)}ه` : rest;
    }
  }
  return word;
}

function stripSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    const minRest = NUMBER_SUFFIXES.has(suffix) ? MIN_NUMBER_STEM : MIN_STEM;
    if (stem.endsWith(suffix) && stem.length - suffix.length >= minRest) {
      stem = stem.slice(0, -suffix.length);
    }
  }
  return stem;
}

/** Conjunction and preposition letters that may come before a word whose own letters begin with `ال`. */
const CLITICS_BEFORE_AL = /^[وف]?[بلك]?(?=ال)/;

export interface StemOptions {
  /**
   * False when the word's leading `ال` is its own letters, not the article: the article is
   * written with a plain alef, so `ألمانيا`, `ألبوم`, `إلكتروني`, `آلاف` (hamza written) keep
   * `ال` after folding. Only the clitics before it are removed. Default true.
   */
  article?: boolean;
}

/** Stems a folded Arabic word; anything that is not Arabic letters is returned unchanged. */
export function stem(word: string, options: StemOptions = {}): string {
  if (!/^[\u0621-\u064A]+$/.test(word)) return word;
  if (options.article === false) {
    const clitics = CLITICS_BEFORE_AL.exec(word)?.[0] ?? '';
    return stripSuffixes(stripPronoun(word.slice(clitics.length)));
  }
  return stripSuffixes(stripPronoun(stripPrefix(word)));
}
