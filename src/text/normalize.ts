/**
 * Character-level normalization of Arabic (and Latin) text. Pure functions, no I/O.
 *
 * Two stages, because the order matters for stop words (`على` the preposition must be
 * recognised before `ى → ي` turns it into `علي` the name, as Lucene orders its filters):
 * - {@link cleanWord}: drops what is never part of a word's identity (diacritics, Quranic
 *   marks, tatweel, zero-width and bidi controls), applies NFKC, maps digits to ASCII and
 *   lowercases Latin. Letters are left as written.
 * - {@link foldLetters}: folds spelling variants: alef forms → ا, ى → ي, ة → ه, Persian
 *   kaf/yeh → Arabic.
 */

/** Tashkeel (fathatan … sukun, and the rarer marks up to U+065F), superscript alef, Quranic annotation marks. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08FF]/g;
/** Tatweel (kashida) only stretches a word visually. */
const TATWEEL = /\u0640/g;
/** Zero-width characters, bidi controls, the Arabic letter mark, BOM and soft hyphen: invisible, never meaningful. */
const INVISIBLES = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Combining marks left after NFKC: they only decorate a base letter (and a flood of them is an attack). */
const COMBINING_MARKS = /\p{M}/gu;

/** Arabic letters without marks or tatweel (U+0621–U+063A, U+0641–U+064A), ASCII lowercase and digits, spaces. */
const ALREADY_CLEAN = /^[\u0621-\u063A\u0641-\u064Aa-z0-9 ]*$/;

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function toAsciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
  return String(code - base);
}

/** Removes invisible characters, marks and tatweel without touching letters or spacing. */
export function stripMarks(text: string): string {
  return text.replace(INVISIBLES, '').replace(ARABIC_MARKS, '').replace(TATWEEL, '');
}

/**
 * Normalizes one word or a whole text: NFKC (presentation forms → letters, ligatures split),
 * marks and invisibles removed, Arabic-Indic and Persian digits → ASCII, lowercase.
 * Letter variants (أ/ا, ى/ي, ة/ه) are kept; see {@link foldLetters}.
 */
export function cleanWord(text: string): string {
  // Most words are already clean (bare Arabic letters, lowercase ASCII): NFKC and the mark
  // and digit passes would return them unchanged, so skip them (the build runs this per word).
  if (ALREADY_CLEAN.test(text)) return text;
  // NFKC composes hamza-on-letter sequences (ا + ٔ → أ) before stray combining marks go.
  // Lowercase before marks go: `İ` lowercases to i + a combining dot, which must go too.
  return stripMarks(text.normalize('NFKC').toLowerCase()).replace(COMBINING_MARKS, '').replace(DIGITS, toAsciiDigit);
}

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0621', // ؤ → ء
  '\u0626': '\u0621', // ئ → ء
  '\u06A9': '\u0643', // Persian ک → ك
  '\u06AF': '\u0643', // گ (g in Gulf and Persian spellings) → ك
  '\u06A4': '\u0641', // ڤ (v) → ف
  '\u067E': '\u0628', // پ (p) → ب
  '\u0686': '\u062C', // چ (ch) → ج
  '\u06BE': '\u0647', // Urdu ھ → ه
  '\u06CC': '\u064A', // Persian ی → ي
};
const FOLDABLE = /[\u0623\u0625\u0622\u0671\u0649\u0629\u0624\u0626\u06A9\u06CC\u06AF\u06A4\u067E\u0686\u06BE]/g;

/** Folds the spelling variants writers use interchangeably: hamzated alefs, alef maqsura, ta marbuta. */
export function foldLetters(word: string): string {
  return word.replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/** The full normalization applied to any text before comparison: {@link cleanWord} then {@link foldLetters}. */
export function normalizeText(text: string): string {
  return foldLetters(cleanWord(text));
}
