/**
 * A light Arabic stemmer that decides by evidence. Letters alone cannot tell the `ل` of `لمصر`
 * (to Egypt) from the `ل` of `لبنان`, or the `ان` of `الطرفان` (the two parties) from the `ان`
 * of `إيران`: the lexicon can (`مصر` is common, `بنان` is rare; `الطرفين` is attested, `ايرين`
 * is not). Each step below strips an affix only when the word that remains is attested, and
 * falls back to the letter rules of the light10 / Lucene family for words the lexicon does not
 * know. Works on word forms (`wordForm`: letters folded, ة is ه, ى is ي, hamzated alefs are ا).
 * docs/analyzer.md explains each rule and what it measured.
 */
import { ARABIC_WORD, type Lexicon } from './lexicon.ts';

/**
 * Evidence thresholds, each a share of another count. Chosen on the tuning half of the judged
 * word pairs (bench/word-pairs.tsv) and checked on ARCD; docs/analyzer.md has the numbers.
 */
export const EVIDENCE = {
  /** A clitic is stripped when the rest occurs at least this share as often as the whole (`بمصر` → `مصر`, not `وزير` → `زير`)… */
  cliticRest: 0.1,
  /** …or at least this many times: narrative verbs are written with و far more often than without (`وأضاف`, `أضاف`). */
  cliticRestCount: 100,
  /** The whole written with the article this share of its count is a noun of its own (`الفيصل`, `اللجنة`): its first letter is no clitic. */
  ownArticle: 0.05,
  /** A leading `ال` written with a hamza this share of the time is the word's own (`ألمانيا`, `آلاف`), not the article. */
  hamzatedAl: 0.2,
  /** A dual or plural ending is one when a sibling ending is attested with the article this share of the word (`الطرفين` for `الطرفان`)… */
  numberSibling: 0.02,
  /** …or, for the oblique `ين`, when the word without it is this many times as frequent (`يومين`, `يوم`; not `البحرين`, `بحر`). */
  obliqueBase: 3,
  /** A verb's feminine `ت` or plural `وا` goes when the verb without it occurs this share as often (`قالت`, `قال`; not `الكويت`, `كوي`). */
  verbEnding: 0.5,
  /** A nisba `ي` goes when the base occurs this share as often as the adjective's forms (`فلسطين` for `الفلسطينية`). */
  nisbaBase: 0.1,
  /** A name ending in `يا` or `ا` keeps its adjective whole (`سوريا` for `سوري`, `أمريكا` for `أمريكي`) when it is this share as frequent. */
  nameInA: 0.25,
  /** A final tanween alef goes when the word without it occurs this share as often (`عاما` → `عام`). */
  finalAlef: 0.05,
  /**
   * A word in ة with an attested base is the base's feminine (`جديدة`, `جديد`) only when the two
   * are about equally frequent, within this factor either way; otherwise it is a noun of its own
   * (`سنة` and `سن`, `الرياضة` and `الرياض`, `طريقة` and `طريق`).
   */
  feminineRatio: 2,
  /** …and when its own plural in ات is rarer than this share of it (`عمليات` makes `عملية` a noun, not `عملي` + ة). */
  femininePlural: 0.1,
  /** A final ه is a ta marbuta, not a pronoun, when the word is written with the article this share of the time (`الطريقة`; never `القراره`). */
  taMarbutaArticle: 0.05,
} as const;

/** A stem never gets shorter than this many letters. */
const MIN_STEM = 2;
/** A clitic leaves at least three letters: `ورد`, `بحث`, `فهد`, `لعب` are words. */
const MIN_CLITIC_REST = 3;
/** Dual and plural endings leave at least three letters (`سكان`, `بيان` stay whole). */
const MIN_NUMBER_STEM = 3;
/** Pronoun suffixes leave at least three letters: `فهم`, `سهم`, `حكم` are words, not stem + pronoun. */
const MIN_PRONOUN_STEM = 3;
/** Without evidence, a ta marbuta is restored before a pronoun only on stems this long (`بيتها` keeps `بيت`). */
const MIN_TA_MARBUTA_STEM = 4;

/** Attached pronouns, longest first. */
const PRONOUNS = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ه'] as const;
const NUMBER_SUFFIXES = ['ون', 'ين', 'ان'] as const;

/**
 * Adjectives that keep their ي although their base is common: the adjective names something
 * else than the base does. `سعودي`/`السعودية` (the country) is the nisba of the family name
 * `سعود`, and in news a search for `سعود` (`سعود الفيصل`) must not return every Saudi story.
 */
const KEPT_NISBA: ReadonlySet<string> = new Set(['سعودي']);

/** How often a form occurs bare or with the article: a noun is attested by either (`معلم`, `المعلم`). */
function attested(lexicon: Lexicon, form: string): number {
  return lexicon.count(form) + lexicon.count(`ال${form}`);
}

export interface Stemmed {
  /** The stem: the index term of the word. */
  stem: string;
  /** Letters of clitics before the word (conjunction, preposition; not the article), for the caller's function-word check. */
  cliticLength: number;
  /** A second reading when no evidence decides a leading clitic (both the whole and the rest unknown): queries search both. */
  alternative?: string;
}

/** The article chain: conjunction and preposition letters, then `ال`, or `لل` (ل + the article). */
const ARTICLE_CHAIN = /^([وف]?[بك]?)ال|^([وف]?)لل/;
const CONJUNCTIONS = 'وف';
const CLITICS = 'وفبكل';

type Decision = 'strip' | 'keep' | 'unknown';

/** Whether the first letter of `word` is a clitic before `rest`, by evidence. */
function cliticDecision(word: string, rest: string, lexicon: Lexicon): Decision {
  const whole = lexicon.count(word);
  const restCount = attested(lexicon, rest);
  if (restCount === 0) return whole === 0 ? 'unknown' : 'keep';
  const withArticle = lexicon.count(`ال${word}`);
  if (withArticle > 0 && withArticle >= EVIDENCE.ownArticle * whole) return 'keep';
  return restCount >= EVIDENCE.cliticRest * whole || restCount >= EVIDENCE.cliticRestCount ? 'strip' : 'keep';
}

/** True when the `ال` that starts `alWord` is the word's own letters: written with a hamza often enough. */
function ownAl(alWord: string, lexicon: Lexicon): boolean {
  const count = lexicon.count(alWord);
  return count > 0 && lexicon.hamzated(alWord) >= EVIDENCE.hamzatedAl * count;
}

interface Clitics {
  rest: string;
  cliticLength: number;
  alternative?: string;
}

function stripClitics(word: string, lexicon: Lexicon, hamzaWritten: boolean, conjunctionDone = false): Clitics {
  const article = ARTICLE_CHAIN.exec(word);
  if (article !== null) {
    const lead = article[1] ?? article[2] ?? '';
    const rest = word.slice(article[0].length);
    const whole = lexicon.count(word);
    // `والسعودية` is و + `السعودية`; `والدة` (mother) is no و + `الدة`.
    const leadIsClitic = lead === '' || whole === 0 || attested(lexicon, word.slice(lead.length)) >= Math.max(1, EVIDENCE.cliticRest * whole);
    if (leadIsClitic && rest.length >= MIN_STEM) {
      const isArticle = article[2] !== undefined || !(hamzaWritten || ownAl(word.slice(lead.length), lexicon));
      if (isArticle) return { rest, cliticLength: lead.length };
      // `ألمانيا`, `بألمانيا`: the letters before `ال` are clitics, `ال` is the word's.
      return { rest: word.slice(lead.length), cliticLength: lead.length };
    }
  }
  const first = word[0] ?? '';
  if (!CLITICS.includes(first) || word.length - 1 < MIN_CLITIC_REST) return { rest: word, cliticLength: 0 };
  // After a conjunction only a preposition or the article may follow (`وبمصر`, `فللشعب`).
  if (conjunctionDone && CONJUNCTIONS.includes(first)) return { rest: word, cliticLength: 0 };
  const rest = word.slice(1);
  const decision = cliticDecision(word, rest, lexicon);
  if (decision === 'keep') return { rest: word, cliticLength: 0 };
  if (decision === 'unknown') return { rest: word, cliticLength: 0, alternative: rest };
  if (CONJUNCTIONS.includes(first)) {
    const inner = stripClitics(rest, lexicon, hamzaWritten, true);
    return { ...inner, cliticLength: inner.cliticLength + 1 };
  }
  return { rest, cliticLength: 1 };
}

function stripPronoun(word: string, lexicon: Lexicon): string {
  for (const pronoun of PRONOUNS) {
    if (!word.endsWith(pronoun) || word.length - pronoun.length < MIN_PRONOUN_STEM) continue;
    const rest = word.slice(0, -pronoun.length);
    // A ta marbuta is written ت before a pronoun (`عاصمتها` of `عاصمة`, `حياته` of `حياة`).
    const restored = rest.endsWith('ت') ? `${rest.slice(0, -1)}ه` : undefined;
    // A final ه without ت before it is the folded ta marbuta as often as a pronoun: the suffix step decides it.
    if (pronoun === 'ه' && restored === undefined) return word;
    const restCount = attested(lexicon, rest);
    const restoredCount = restored === undefined ? 0 : attested(lexicon, restored);
    // `مساهم` is a word, not `مسا` + `هم`.
    if (restCount === 0 && restoredCount === 0 && attested(lexicon, word) > 0) return word;
    if (restored === undefined) return rest;
    if (restoredCount !== restCount) return restoredCount > restCount ? restored : rest;
    // No evidence either way: the letter rule.
    return !rest.endsWith('ات') && rest.length >= MIN_TA_MARBUTA_STEM ? restored : rest;
  }
  return word;
}

/**
 * `word` minus one ending, decided by evidence; `word` itself when none applies. Without
 * evidence the letter rules apply, and as in light10 a plural or dual ending only comes first
 * (`البانية` → `الباني` → `البان`, not on to `الب`): `first` says no ending has gone yet.
 */
function stripOneSuffix(word: string, lexicon: Lexicon, first: boolean): string {
  const count = attested(lexicon, word);
  const last = word[word.length - 1];
  if (word.endsWith('وا') && word.length - 2 >= MIN_CLITIC_REST) {
    const base = word.slice(0, -2);
    if (attested(lexicon, base) >= Math.max(1, EVIDENCE.verbEnding * count)) return base;
  }
  if (last === 'ت' && !word.endsWith('ات') && word.length - 1 >= MIN_CLITIC_REST) {
    const base = word.slice(0, -1);
    return attested(lexicon, base) >= Math.max(1, EVIDENCE.verbEnding * count) ? base : word;
  }
  if (last === 'ا') {
    // Tanween alef (`عاما`), or a name whose adjective ends in ي (`سوريا` → `سوري`, `أمريكا` → `أمريكي`).
    const base = word.slice(0, -1);
    if (base.length < MIN_CLITIC_REST) return word;
    const needed = Math.max(1, EVIDENCE.finalAlef * count);
    if (attested(lexicon, base) >= needed) return base;
    if (attested(lexicon, `${base}ي`) >= needed) return `${base}ي`;
    return word;
  }
  if (word.endsWith('ات') && word.length - 2 >= MIN_STEM) {
    const base = word.slice(0, -2);
    // The plural of a word in ة goes to it (the next round decides its ة): `الجامعات` → `جامعة`, `القرارات` → `قرار`.
    if (attested(lexicon, `${base}ه`) > 0) return `${base}ه`;
    return attested(lexicon, base) > 0 || (count === 0 && first) ? base : word;
  }
  for (const suffix of NUMBER_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_NUMBER_STEM) continue;
    const base = word.slice(0, -suffix.length);
    const needed = Math.max(1, EVIDENCE.numberSibling * count);
    // The dual of a feminine noun keeps its ta marbuta as ت (`ساعتين` of `ساعة`, `الدولتين` of `الدولة`).
    const feminine = base.endsWith('ت') ? `${base.slice(0, -1)}ه` : undefined;
    if (feminine !== undefined && suffix !== 'ون' && attested(lexicon, feminine) >= Math.max(1, count, attested(lexicon, base))) return feminine;
    // Siblings count with the article: a dual or plural noun takes it (`المعلمون`), a name does not (`بوتان` for `بوتين`).
    const sibling = NUMBER_SUFFIXES.some((other) => other !== suffix && lexicon.count(`ال${base}${other}`) >= needed);
    const oblique = suffix === 'ين' && attested(lexicon, base) >= Math.max(1, EVIDENCE.obliqueBase * count);
    if (!sibling && !oblique && (count > 0 || (!first && attested(lexicon, base) === 0))) return word;
    if (feminine !== undefined && attested(lexicon, feminine) > attested(lexicon, base)) return feminine;
    return base;
  }
  if (last === 'ه' && word.length - 1 >= MIN_STEM) return isNounInTaMarbuta(word, lexicon) ? word : word.slice(0, -1);
  if (last === 'ي' && word.length - 1 >= MIN_STEM) {
    const base = word.slice(0, -1);
    const asName = Math.max(1, EVIDENCE.nameInA * count);
    // `سوري` of `سوريا`, `أمريكي` of `أمريكا`: the name maps to the adjective, which stays whole.
    if (attested(lexicon, `${word}ا`) >= asName || attested(lexicon, `${base}ا`) >= asName) return word;
    if (KEPT_NISBA.has(word)) return word;
    const baseCount = attested(lexicon, base) + attested(lexicon, `${base}ه`);
    const family = count + attested(lexicon, `${word}ه`) + attested(lexicon, `${word}ين`) + attested(lexicon, `${word}ون`);
    if (baseCount > 0 && baseCount >= EVIDENCE.nisbaBase * family) return base;
    return count === 0 ? base : word;
  }
  return word;
}

/**
 * True when a word in ه is a noun in ta marbuta of its own, not a feminine of its base or its
 * base + the pronoun ه: written with the article, and unlike its base in frequency or with a
 * plural of its own. A nisba (`…ية`) is judged by its plural only: `الإيرانية` goes to `إيراني`,
 * `عملية` (عمليات) stays apart from `عملي`.
 */
function isNounInTaMarbuta(word: string, lexicon: Lexicon): boolean {
  const count = attested(lexicon, word);
  if (count === 0 || lexicon.count(`ال${word}`) < EVIDENCE.taMarbutaArticle * count) return false;
  const base = word.slice(0, -1);
  const plural = attested(lexicon, `${base}ات`);
  if (base.endsWith('ي')) return plural >= EVIDENCE.femininePlural * count;
  const baseCount = attested(lexicon, base);
  if (baseCount === 0) return true;
  const ratio = count / baseCount;
  return ratio > EVIDENCE.feminineRatio || ratio < 1 / EVIDENCE.feminineRatio || plural >= EVIDENCE.femininePlural * count;
}

/** Endings removed one at a time until none applies (`الإيرانيين` → `ايراني` → `ايران`). */
function stripSuffixes(word: string, lexicon: Lexicon): string {
  let stem = word;
  for (let round = 0; round < 4; round++) {
    const next = stripOneSuffix(stem, lexicon, round === 0);
    if (next === stem) break;
    stem = next;
  }
  return stem;
}

export interface StemOptions {
  /** The word as written has a hamza on the alef of its leading `ال` (`ألمانيا`): not the article. */
  hamzaWritten?: boolean;
  /** Bare plural → the stem of its singular (`مدن` → the stem of `مدينة`), looked up after clitics and a pronoun go. */
  brokenPlurals?: ReadonlyMap<string, string>;
}

/** Stems a word form; anything that is not Arabic letters is returned unchanged. */
export function stem(form: string, lexicon: Lexicon, options: StemOptions = {}): Stemmed {
  if (!ARABIC_WORD.test(form)) return { stem: form, cliticLength: 0 };
  const clitics = stripClitics(form, lexicon, options.hamzaWritten === true);
  const plurals = options.brokenPlurals;
  const singular = plurals?.get(clitics.rest);
  if (singular !== undefined) return { stem: singular, cliticLength: clitics.cliticLength };
  const bare = stripPronoun(clitics.rest, lexicon);
  // A final ه may be the pronoun the pronoun step leaves to the suffix step (`أبنائه`, his sons).
  const singularOfBare = plurals?.get(bare) ?? (bare.endsWith('ه') && !isNounInTaMarbuta(bare, lexicon) ? plurals?.get(bare.slice(0, -1)) : undefined);
  const result: Stemmed = { stem: singularOfBare ?? stripSuffixes(bare, lexicon), cliticLength: clitics.cliticLength };
  if (clitics.alternative !== undefined) {
    const other = stem(clitics.alternative, lexicon, options).stem;
    if (other !== result.stem) result.alternative = other;
  }
  return result;
}
