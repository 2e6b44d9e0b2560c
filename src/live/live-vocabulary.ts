/**
 * Suggestions of base + live: the embedded index's vocabulary, plus the words of live articles,
 * minus those of the base articles they hide (a retracted article's words stop being suggested
 * once no other article has them). Words are counted as the build counts them
 * (src/text/suggestible-words.ts), once per article; a version of the live set merges nothing in advance:
 * a suggestion looks up its prefix in the base and in each changed article's sorted words.
 * The build keeps the 100,000 most frequent words; live words are added beyond that, and a word
 * the base has keeps the base's written form.
 */
import type { StoredArticle, Vocabulary } from '../search/index-format.ts';
import type { CompletionSource } from '../search/suggest.ts';
import { suggestibleWords } from '../text/suggestible-words.ts';
import type { Analyzer } from '../text/analyze.ts';
import { lowerBound } from '../search/sorted.ts';

/** An article's suggestible words: keys sorted, and each key's written forms with their occurrences. */
interface ArticleWords {
  title: string;
  body: string;
  keys: string[];
  forms: Map<string, number>[];
}

const wordsByArticle = new Map<string, ArticleWords>();
const MAX_REMEMBERED_ARTICLES = 20_000;

function wordsOf(article: StoredArticle, analyzer: Analyzer): ArticleWords {
  const known = wordsByArticle.get(article.id);
  if (known !== undefined && known.body === article.body && known.title === article.title) return known;
  const byKey = new Map<string, Map<string, number>>();
  for (const [key, form] of suggestibleWords(article, analyzer)) {
    let forms = byKey.get(key);
    if (forms === undefined) byKey.set(key, (forms = new Map()));
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  const keys = [...byKey.keys()].sort();
  const words: ArticleWords = { title: article.title, body: article.body, keys, forms: keys.map((key) => byKey.get(key)!) };
  if (wordsByArticle.size >= MAX_REMEMBERED_ARTICLES) wordsByArticle.clear();
  wordsByArticle.set(article.id, words);
  return words;
}

interface Change {
  count: number;
  forms: Map<string, number>;
}

function mostFrequentForm(forms: Map<string, number>): string | undefined {
  return [...forms].sort(([wa, a], [wb, b]) => b - a || (wa < wb ? -1 : wa > wb ? 1 : 0))[0]?.[0];
}

/** Prefixes whose changes a version keeps (each a map of the keys the live set changes). */
const MAX_GATHERED_PREFIXES = 512;

export function liveVocabulary(
  base: Vocabulary,
  analyzer: Analyzer,
  added: readonly StoredArticle[],
  removed: () => readonly StoredArticle[],
): CompletionSource {
  let addedWords: ArticleWords[] | undefined;
  let removedWords: ArticleWords[] | undefined;
  // Readers type the same first letters (`ال`…): a prefix's changes are gathered once per version.
  const gathered = new Map<string, { changes: Map<string, Change>; extra: string[] }>();
  const changesOf = (prefix: string): { changes: Map<string, Change>; extra: string[] } => {
    let known = gathered.get(prefix);
    if (known === undefined) {
      const changes = changesFor(prefix);
      known = { changes, extra: [...changes.keys()].sort() };
      if (gathered.size >= MAX_GATHERED_PREFIXES) gathered.clear();
      gathered.set(prefix, known);
    }
    return known;
  };
  /** How the live set changes each key starting with `prefix`. */
  const changesFor = (prefix: string): Map<string, Change> => {
    addedWords ??= added.map((article) => wordsOf(article, analyzer));
    removedWords ??= removed().map((article) => wordsOf(article, analyzer));
    const changes = new Map<string, Change>();
    for (const [words, sign] of [
      [addedWords, 1],
      [removedWords, -1],
    ] as const) {
      for (const { keys, forms } of words) {
        for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) {
          let change = changes.get(keys[i]!);
          if (change === undefined) changes.set(keys[i]!, (change = { count: 0, forms: new Map() }));
          change.count += sign;
          if (sign === 1) for (const [form, occurrences] of forms[i]!) change.forms.set(form, (change.forms.get(form) ?? 0) + occurrences);
        }
      }
    }
    return changes;
  };
  return {
    *completions(prefix) {
      // Keys only the live set has, merged in key order with the base's (ties in count keep key order).
      const { changes, extra } = changesOf(prefix);
      let e = 0;
      const onlyLive = function* (until: string | undefined) {
        for (; e < extra.length && (until === undefined || extra[e]! < until); e++) {
          const change = changes.get(extra[e]!)!;
          const form = mostFrequentForm(change.forms);
          if (form !== undefined && change.count > 0) yield { word: form, count: change.count };
        }
      };
      for (let i = lowerBound(base.keys, prefix); i < base.keys.length && base.keys[i]!.startsWith(prefix); i++) {
        const key = base.keys[i]!;
        yield* onlyLive(key);
        if (extra[e] === key) e++;
        const count = base.counts[i]! + (changes.get(key)?.count ?? 0);
        if (count > 0) yield { word: base.words[i]!, count };
      }
      yield* onlyLive(undefined);
    },
  };
}
