/**
 * The suggestion vocabulary of base + live: the embedded index's, plus the words of live
 * articles, minus those of the base articles they hide (a retracted article's words stop being
 * suggested once no other article has them). Counted as the build counts (vocabulary-words.ts).
 * The build keeps the 100,000 most frequent words; words of the live set are added beyond that.
 */
import type { StoredArticle, Vocabulary } from '../search/index-format.ts';
import { suggestibleWords } from '../search/vocabulary-words.ts';

interface Change {
  count: number;
  forms: Map<string, number>;
}

function count(changes: Map<string, Change>, articles: readonly StoredArticle[], sign: 1 | -1): void {
  for (const article of articles) {
    const seen = new Set<string>();
    for (const [key, form] of suggestibleWords(article)) {
      let change = changes.get(key);
      if (change === undefined) changes.set(key, (change = { count: 0, forms: new Map() }));
      if (sign === 1) change.forms.set(form, (change.forms.get(form) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        change.count += sign;
      }
    }
  }
}

function mostFrequentForm(forms: Map<string, number>): string | undefined {
  return [...forms].sort(([wa, a], [wb, b]) => b - a || (wa < wb ? -1 : wa > wb ? 1 : 0))[0]?.[0];
}

export function mergedVocabulary(base: Vocabulary, added: readonly StoredArticle[], removed: readonly StoredArticle[]): Vocabulary {
  const changes = new Map<string, Change>();
  count(changes, added, 1);
  count(changes, removed, -1);
  const merged = { keys: [] as string[], words: [] as string[], counts: [] as number[] } satisfies Vocabulary;
  const push = (key: string, word: string, total: number): void => {
    if (total <= 0) return;
    merged.keys.push(key);
    merged.words.push(word);
    merged.counts.push(total);
  };
  const extra = [...changes.keys()].sort();
  let e = 0;
  for (let i = 0; i < base.keys.length; i++) {
    const key = base.keys[i]!;
    for (; e < extra.length && extra[e]! < key; e++) {
      const change = changes.get(extra[e]!)!;
      const form = mostFrequentForm(change.forms);
      if (form !== undefined) push(extra[e]!, form, change.count);
    }
    if (extra[e] === key) e++;
    push(key, base.words[i]!, base.counts[i]! + (changes.get(key)?.count ?? 0));
  }
  for (; e < extra.length; e++) {
    const change = changes.get(extra[e]!)!;
    const form = mostFrequentForm(change.forms);
    if (form !== undefined) push(extra[e]!, form, change.count);
  }
  return merged;
}
