/**
 * Suggestions of base + live: the embedded index's vocabulary, plus the words of live articles,
 * minus those of the base articles they hide (a retracted article's words stop being suggested
 * once no other article has them). Words are counted as the build counts them
 * (src/text/suggestible-words.ts), once per article, into counts kept across versions of the
 * live set (LiveWordCounts): a write costs the words of the articles it changes.
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

/** Two sorted lists of distinct strings as one (code-unit order). */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]! < b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/** An article whose words are counted: a live one (added) or a base one it hides (removed). */
interface Counted {
  article: StoredArticle;
  added: boolean;
}

/**
 * How the live set changes the vocabulary: per key, the change of its article count and the
 * written forms the live articles give it. Kept across versions of the live set and brought to
 * each one by its difference from the last (the articles written since), so a write costs the
 * words of the articles it changes, not those of the whole live set.
 */
export class LiveWordCounts {
  readonly #analyzer: Analyzer;
  readonly #changes = new Map<string, Change>();
  /** Every key a change ever touched, sorted (a count may be back to 0); keys first seen by a sync wait in #newKeys. */
  #keys: string[] = [];
  #newKeys: string[] = [];
  /** What the counts hold, by `+id` (a live article) and `-id` (a hidden base article), and for which version. */
  #counted = new Map<string, Counted>();
  #version: object | undefined;

  constructor(analyzer: Analyzer) {
    this.#analyzer = analyzer;
  }

  /**
   * Makes the counts those of `version`'s articles, applying only what differs from the version
   * they held (nothing when it is the same one).
   */
  sync(version: object, added: readonly StoredArticle[], removed: () => readonly StoredArticle[]): void {
    if (version === this.#version) return;
    const next = new Map<string, Counted>();
    for (const article of added) next.set(`+${article.id}`, { article, added: true });
    for (const article of removed()) next.set(`-${article.id}`, { article, added: false });
    const same = (a: StoredArticle, b: StoredArticle): boolean => a.title === b.title && a.body === b.body;
    for (const [key, old] of this.#counted) {
      const now = next.get(key);
      if (now === undefined || !same(now.article, old.article)) this.#apply(old, -1);
    }
    for (const [key, now] of next) {
      const old = this.#counted.get(key);
      if (old === undefined || !same(now.article, old.article)) this.#apply(now, 1);
    }
    this.#counted = next;
    this.#version = version;
    if (this.#newKeys.length > 0) this.#keys = mergeSorted(this.#keys, this.#newKeys.sort());
    this.#newKeys = [];
  }

  /** The changed keys starting with `prefix`, in key order, and the change of each. */
  keysStarting(prefix: string): { keys: readonly string[]; change: (key: string) => Change | undefined } {
    const keys = this.#keys;
    const from = lowerBound(keys, prefix);
    let to = from;
    while (to < keys.length && keys[to]!.startsWith(prefix)) to++;
    return { keys: keys.slice(from, to), change: (key) => this.#changes.get(key) };
  }

  /** Counts `counted` in (direction 1) or takes it out (-1): a live article adds to its words' counts and forms, a hidden one subtracts. */
  #apply({ article, added }: Counted, direction: 1 | -1): void {
    const { keys, forms } = wordsOf(article, this.#analyzer);
    const sign = (added ? 1 : -1) * direction;
    for (const [i, key] of keys.entries()) {
      let change = this.#changes.get(key);
      if (change === undefined) {
        this.#changes.set(key, (change = { count: 0, forms: new Map() }));
        this.#newKeys.push(key);
      }
      change.count += sign;
      if (!added) continue;
      for (const [form, occurrences] of forms[i]!) {
        const total = (change.forms.get(form) ?? 0) + direction * occurrences;
        if (total > 0) change.forms.set(form, total);
        else change.forms.delete(form);
      }
    }
  }
}

/**
 * One version's suggestions: the base vocabulary with the changes of its live articles (`added`)
 * and of the base articles they hide (`removed`, read on the first suggestion). `counts` may be
 * shared by the versions of one live set: each brings it to its own articles first.
 */
export function liveVocabulary(
  base: Vocabulary,
  counts: LiveWordCounts,
  added: readonly StoredArticle[],
  removed: () => readonly StoredArticle[],
): CompletionSource {
  let removedArticles: readonly StoredArticle[] | undefined;
  const version = {};
  return {
    *completions(prefix) {
      // Another version may have moved the shared counts since: this brings them to this one's articles.
      counts.sync(version, added, () => (removedArticles ??= removed()));
      const { keys: extra, change } = counts.keysStarting(prefix);
      // Keys only the live set has, merged in key order with the base's (ties in count keep key order).
      let e = 0;
      const onlyLive = function* (until: string | undefined) {
        for (; e < extra.length && (until === undefined || extra[e]! < until); e++) {
          const known = change(extra[e]!)!;
          const form = mostFrequentForm(known.forms);
          if (form !== undefined && known.count > 0) yield { word: () => form, count: known.count };
        }
      };
      for (let i = base.lowerBound(prefix); base.keyStartsWith(i, prefix); i++) {
        const key = base.key(i);
        yield* onlyLive(key);
        if (extra[e] === key) e++;
        const count = base.count(i) + (change(key)?.count ?? 0);
        if (count > 0) yield { word: () => base.word(i), count };
      }
      yield* onlyLive(undefined);
    },
  };
}
