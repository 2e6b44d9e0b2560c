/**
 * The analysis API: what a token becomes in the index and in a query (docs/analyzer.md explains
 * every rule and what it measured). One analyzer per lexicon: the build makes it from the
 * corpus's counts, the Worker from the same counts read back from the index, so a query word
 * and the same word in an article always get the same term.
 *
 * Order matters, as in Lucene's filter chain: function words are decided on the cleaned word
 * before letters are folded (`على` the preposition, `علي` the name), then letters are folded,
 * known spelling variants rewritten, and the word stemmed by evidence (stem.ts), a broken
 * plural mapped to its singular.
 */
import { BROKEN_PLURALS } from './broken-plurals.ts';
import { ARABIC_WORD, wordForm, writesHamzatedAl, type Lexicon } from './lexicon.ts';
import { cleanWord, foldLetters } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stopwords.ts';
import { wordSpans, wordTokens } from './tokenize.ts';

/**
 * Bumped whenever the analyzer's output changes, so a Worker never searches an index built
 * with another analyzer (the build stamps it, the Worker checks it).
 */
export const ANALYZER_VERSION = 'lexicon-ar-4';

export interface Analyzer {
  readonly lexicon: Lexicon;
  /** Index term of a cleaned token (output of `wordTokens`, not folded), or null for a function word. */
  indexTerm(token: string): string | null;
  /**
   * What a query searches for a cleaned token: its index term, and when no evidence decides
   * whether its first letter is a clitic (neither the word nor the rest is in the lexicon), the
   * other reading too. Null for a function word. MiniSearch's search-time `processTerm`.
   */
  queryTerms(token: string): string | string[] | null;
  /** Index terms of a text, in order, function words dropped (quoted phrases, phrase checks). */
  textTerms(text: string): string[];
  /** Query terms of one original word, all its tokens (highlights: `وبِبوتين` holds `بوتين`). */
  wordTerms(word: string): readonly string[];
  /** What a query text searches for: every token's query terms, in order (the engine's input). */
  searchTerms(text: string): string[];
}

interface Analysis {
  term: string | null;
  query: string | string[] | null;
}

/**
 * Results of recent tokens. Running text repeats its words (the build, phrase checks and
 * highlights analyze the same words again and again) and the analysis is pure, so a bounded
 * memo is safe; it is emptied when full rather than tracking recency, which keeps it cheap.
 */
const MEMO_LIMIT = 100_000;

/** Function words after a clitic (`وهذا`, `بهذا`, `والتي`) are function words too. */
function isFunctionWord(token: string, cliticLength: number, lexicon: Lexicon, form: string): boolean {
  if (isStopWord(token)) return true;
  if (cliticLength === 0 || cliticLength >= token.length) return false;
  // `فلم` (a film) is written with the article too; `فلم` as ف + `لم` never is.
  return isStopWord(token.slice(cliticLength)) && lexicon.count(`ال${form}`) === 0;
}

export function createAnalyzer(lexicon: Lexicon): Analyzer {
  const memo = new Map<string, Analysis>();
  const brokenPlurals = new Map<string, string>();
  const stemOf = (token: string) => {
    const form = wordForm(token);
    return { form, stemmed: stem(form, lexicon, { hamzaWritten: writesHamzatedAl(token), brokenPlurals }) };
  };
  // Plural as written → the stem of its singular, made by this analyzer so the two never drift apart.
  for (const [plural, singular] of BROKEN_PLURALS) brokenPlurals.set(wordForm(cleanWord(plural)), stemOf(cleanWord(singular)).stemmed.stem);

  function analyze(token: string): Analysis {
    if (!ARABIC_WORD.test(foldLetters(token))) {
      if (isStopWord(token) || token.length === 0) return { term: null, query: null };
      const form = wordForm(token);
      return { term: form, query: form };
    }
    const { form, stemmed } = stemOf(token);
    if (stemmed.stem.length === 0 || isFunctionWord(token, stemmed.cliticLength, lexicon, form)) return { term: null, query: null };
    const query = stemmed.alternative === undefined ? stemmed.stem : [stemmed.stem, stemmed.alternative];
    return { term: stemmed.stem, query };
  }

  function analysis(token: string): Analysis {
    let result = memo.get(token);
    if (result === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      result = analyze(token);
      memo.set(token, result);
    }
    return result;
  }

  return {
    lexicon,
    indexTerm: (token) => analysis(token).term,
    queryTerms: (token) => analysis(token).query,
    textTerms(text) {
      const terms: string[] = [];
      for (const span of wordSpans(text)) {
        for (const token of wordTokens(span.text)) {
          const term = analysis(token).term;
          if (term !== null) terms.push(term);
        }
      }
      return terms;
    },
    wordTerms: (word) => wordTokens(word).flatMap((token) => analysis(token).query ?? []),
    searchTerms: (text) => wordSpans(text).flatMap((span) => wordTokens(span.text).flatMap((token) => analysis(token).query ?? [])),
  };
}
