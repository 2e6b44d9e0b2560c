/**
 * Conflation agreement with the Snowball Arabic stemmer (@orama/stemmers, a build of Snowball's)
 * on the 5,000 most frequent Arabic words of SaudiNewsNet. Snowball merges two words when it gives
 * them one stem; the product merges them when a search for each returns the other's article
 * (bench/lib/word-search.ts, the same entry point as bench/word-pairs.ts). Reported: precision and
 * recall of the product's merged pairs against Snowball's, and the largest classes of disagreement,
 * labelled by the letters the two words do not share (their affixes).
 *
 *   node bench/snowball-agreement.ts            prints the figures
 *   node bench/snowball-agreement.ts --write    also fills the snowball section of bench/RESULTS.md
 *   node bench/snowball-agreement.ts --words 2000
 *
 * Snowball is a reference, not the truth: each class of disagreement needs a reader's judgement.
 */
import { parseArgs } from 'node:util';
import { stemmer } from '@orama/stemmers/arabic';
import { writeSection } from './lib/results-md.ts';
import { readSubset, SAUDINEWSNET } from './lib/scale-corpus.ts';
import { wordSearch } from './lib/word-search.ts';
import { foldLetters, stripMarks } from '../src/text/normalize.ts';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, words: { type: 'string', default: '5000' } } });
const WORDS = Number(values.words);
const EXAMPLES = 4;
const CLASSES = 12;

/** The most frequent Arabic words (by folded form), each in its most frequent spelling. */
function frequentWords(count: number): string[] {
  const forms = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const article of readSubset(Infinity, SAUDINEWSNET).articles) {
    for (const word of stripMarks(`${article.title}\n${article.body}`).match(/[\u0621-\u063A\u0641-\u064A]+/g) ?? []) {
      const key = foldLetters(word);
      totals.set(key, (totals.get(key) ?? 0) + 1);
      let spellings = forms.get(key);
      if (spellings === undefined) forms.set(key, (spellings = new Map()));
      spellings.set(word, (spellings.get(word) ?? 0) + 1);
    }
  }
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  return [...totals]
    .sort(byCount)
    .slice(0, count)
    .map(([key]) => [...forms.get(key)!].sort(byCount)[0]![0]);
}

const words = frequentWords(WORDS);
const search = wordSearch(words);
const key = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

const product = new Set<string>();
for (const word of words) for (const other of search.found(word)) if (other !== word && search.meets(word, other)) product.add(key(word, other));

const snowball = new Set<string>();
const byStem = new Map<string, string[]>();
for (const word of words) {
  const stem = stemmer(word);
  const group = byStem.get(stem) ?? [];
  for (const other of group) if (foldLetters(other) !== foldLetters(word)) snowball.add(key(word, other));
  group.push(word);
  byStem.set(stem, group);
}

const both = [...product].filter((pair) => snowball.has(pair)).length;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const precision = both / product.size;
const recall = both / snowball.size;

/** What two words do not share: the letters around their longest common run, e.g. `ال…ي | …`. */
function affixLabel(a: string, b: string): string {
  const x = foldLetters(a);
  const y = foldLetters(b);
  let best = { at: 0, bt: 0, length: 0 };
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      let n = 0;
      while (i + n < x.length && j + n < y.length && x[i + n] === y[j + n]) n++;
      if (n > best.length) best = { at: i, bt: j, length: n };
    }
  }
  const side = (w: string, at: number) => `${w.slice(0, at)}…${w.slice(at + best.length)}`;
  return [side(x, best.at), side(y, best.bt)].sort().join(' | ');
}

function classes(pairs: string[]): string {
  const groups = new Map<string, string[]>();
  for (const pair of pairs) {
    const [a, b] = pair.split('\t') as [string, string];
    const label = affixLabel(a, b);
    groups.set(label, [...(groups.get(label) ?? []), `${a}/${b}`]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, CLASSES)
    .map(([label, examples]) => `| \`${label}\` | ${examples.length} | ${examples.slice(0, EXAMPLES).join('، ')} |`)
    .join('\n');
}

const onlySnowball = [...snowball].filter((pair) => !product.has(pair)).sort();
const onlyProduct = [...product].filter((pair) => !snowball.has(pair)).sort();
const header = '| Affixes (folded; … is the shared part) | pairs | examples |\n|---|---:|---|';
const report = `Analyzer \`${search.analyzerVersion}\`, the ${words.length.toLocaleString('en')} most frequent Arabic words of SaudiNewsNet (each in its most frequent spelling). Pairs merged: product ${product.size.toLocaleString('en')}, Snowball ${snowball.size.toLocaleString('en')} (spellings that fold to one word not counted), both ${both.toLocaleString('en')}.

| System / reference | precision | recall |
|---|---:|---:|
| product / Snowball | ${f3(precision)} | ${f3(recall)} |
| Snowball / product | ${f3(recall)} | ${f3(precision)} |

Snowball merges, the product keeps apart (${onlySnowball.length.toLocaleString('en')} pairs), largest classes:

${header}
${classes(onlySnowball)}

The product merges, Snowball keeps apart (${onlyProduct.length.toLocaleString('en')} pairs), largest classes:

${header}
${classes(onlyProduct)}`;

console.log(report);
if (values.write)
  writeSection(
    new URL('./RESULTS.md', import.meta.url),
    'snowball',
    `## Conflation agreement with Snowball (\`node bench/snowball-agreement.ts\`)\n\n${report}`,
  );
