/**
 * Word-pairs bench: the share of judged SaudiNewsNet word pairs (bench/word-pairs.tsv) that the
 * product's search gets right. A pair "meets" when a search for `a` returns an article holding
 * only `b` and a search for `b` one holding only `a` (bench/lib/word-search.ts). Right means: a
 * `same` pair meets, a `different` pair does not.
 *
 *   node bench/word-pairs.ts                    prints the scores and every wrong pair
 *   node bench/word-pairs.ts --write            also fills the word-pairs section of bench/RESULTS.md
 *   node bench/word-pairs.ts --background 2000  also indexes the first 2,000 SaudiNewsNet articles,
 *                                               for an analyzer that decides by corpus word counts
 *
 * The list is judged by a reader, never by what an analyzer does. `split` is fixed by a hash of
 * `a|b` (checked here), so pairs cannot move between the `tune` half (an analyzer's author may
 * look at it) and the `held-out` half (reported apart, to show whether tuning generalised).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeSection } from './lib/results-md.ts';
import { readSubset, SAUDINEWSNET } from './lib/scale-corpus.ts';
import { wordSearch } from './lib/word-search.ts';

const PAIRS = new URL('./word-pairs.tsv', import.meta.url);
const COLUMNS = ['a', 'b', 'kind', 'category', 'reason', 'split'] as const;
const KINDS = ['same', 'different'] as const;

type Kind = (typeof KINDS)[number];
type Split = 'tune' | 'held-out';

interface Pair {
  a: string;
  b: string;
  kind: Kind;
  category: string;
  reason: string;
  split: Split;
}

/** The split a pair belongs to: the parity of the first byte of SHA-256(`a|b`). */
export function splitOf(a: string, b: string): Split {
  return createHash('sha256').update(`${a}|${b}`).digest()[0]! % 2 === 0 ? 'tune' : 'held-out';
}

function readPairs(url: URL): Pair[] {
  const [header, ...lines] = readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (header !== COLUMNS.join('\t')) throw new Error(`word-pairs: the header must be ${COLUMNS.join(' ')}`);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const cells = line.split('\t');
    const [a, b, kind, category, reason, split] = cells;
    const where = `word-pairs: line ${i + 2}`;
    if (cells.length !== COLUMNS.length || !a || !b || !category || !reason) throw new Error(`${where}: expected ${COLUMNS.length} non-empty cells`);
    if (!KINDS.includes(kind as Kind)) throw new Error(`${where}: kind must be same or different`);
    if (split !== splitOf(a, b)) throw new Error(`${where}: split must be ${splitOf(a, b)} (the hash of a|b)`);
    const key = [a, b].sort().join('|');
    if (seen.has(key)) throw new Error(`${where}: ${a} / ${b} is listed twice`);
    seen.add(key);
    return { a, b, kind: kind as Kind, category, reason, split: split as Split };
  });
}

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, background: { type: 'string', default: '0' } } });
const backgroundCount = Number(values.background);
const pairs = readPairs(PAIRS);
const background = backgroundCount > 0 ? readSubset(backgroundCount, SAUDINEWSNET).articles : [];
const search = wordSearch(
  pairs.flatMap(({ a, b }) => [a, b]),
  { background },
);

interface Judged extends Pair {
  aFindsB: boolean;
  bFindsA: boolean;
  right: boolean;
}
const judged: Judged[] = pairs.map((pair) => {
  const aFindsB = search.found(pair.a).has(pair.b);
  const bFindsA = search.found(pair.b).has(pair.a);
  return { ...pair, aFindsB, bFindsA, right: (aFindsB && bFindsA) === (pair.kind === 'same') };
});

const pct = (right: number, all: number) => (all === 0 ? '–' : `${((100 * right) / all).toFixed(1)}%`);
function share(rows: readonly Judged[]): string {
  return `${pct(rows.filter((row) => row.right).length, rows.length)} (${rows.filter((row) => row.right).length}/${rows.length})`;
}
const of = (kind?: Kind, split?: Split) => judged.filter((row) => (kind === undefined || row.kind === kind) && (split === undefined || row.split === split));

const summary = [
  '| Pairs | all | tune | held-out |',
  '|---|---:|---:|---:|',
  ...([undefined, ...KINDS] as const).map((kind) => `| ${kind ?? 'all'} | ${share(of(kind))} | ${share(of(kind, 'tune'))} | ${share(of(kind, 'held-out'))} |`),
  // Stricter for `different`: no search for one word may return the other, not even one way.
  `| different, apart both ways | ${share(of('different').map((row) => ({ ...row, right: !row.aFindsB && !row.bFindsA })))} | | |`,
].join('\n');

const categories = [...new Set(judged.map((row) => `${row.kind}\t${row.category}`))].sort();
const byCategory = [
  '| Kind | Category | right | tune | held-out |',
  '|---|---|---:|---:|---:|',
  ...categories.map((key) => {
    const [kind, category] = key.split('\t') as [Kind, string];
    const rows = of(kind).filter((row) => row.category === category);
    return `| ${kind} | ${category} | ${share(rows)} | ${share(rows.filter((row) => row.split === 'tune'))} | ${share(rows.filter((row) => row.split === 'held-out'))} |`;
  }),
].join('\n');

const direction = (row: Judged) =>
  row.aFindsB && row.bFindsA ? 'both ways' : row.aFindsB ? `only ${row.a} → ${row.b}` : row.bFindsA ? `only ${row.b} → ${row.a}` : 'neither way';
const wrong = judged.filter((row) => !row.right);
const wrongList = wrong.map((row) => `- ${row.kind} ${row.category} (${row.split}): ${row.a} / ${row.b}: finds ${direction(row)}; ${row.reason}`).join('\n');
const silent = [...new Set(pairs.flatMap(({ a, b }) => [a, b]))].filter((word) => search.found(word).size === 0);

const counts = `${pairs.length} pairs (${of('same').length} same, ${of('different').length} different; ${judged.filter((row) => row.split === 'tune').length} tune, ${judged.filter((row) => row.split === 'held-out').length} held-out)`;
console.log(`analyzer ${search.analyzerVersion}; ${counts}; background articles: ${background.length}\n`);
console.log(summary, '\n');
console.log(byCategory, '\n');
console.log(`Wrong pairs (${wrong.length}):\n${wrongList}\n`);
if (silent.length > 0) console.log(`Words whose search returns nothing (function words to the analyzer): ${silent.join(' ')}`);

if (values.write) {
  writeSection(
    new URL('./RESULTS.md', import.meta.url),
    'word-pairs',
    `## Word pairs (\`node bench/word-pairs.ts\`)

Judged pairs of frequent SaudiNewsNet words (bench/word-pairs.tsv, with the reason for each): \`same\`
pairs a reader calls one word (a search for one must find the other), \`different\` pairs that share
letters but are other words. A pair meets when a search for each word, through buildIndexData,
loadIndex and searchArticles, returns an article holding only the other word. Analyzer
\`${search.analyzerVersion}\`; ${counts}; ${background.length} background articles.

${summary}

${byCategory}

<details><summary>Wrong pairs (${wrong.length})</summary>

${wrongList}

</details>`,
  );
}
