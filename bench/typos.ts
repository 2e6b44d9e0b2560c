/**
 * Typo bench: SaudiNewsNet headlines typed with one realistic slip, searched as the Worker does
 * (searchArticles over the built index). Reports recall@10 of the headline's own article clean,
 * with the typo, and with the typo but correction off; how often `didYouMean` gives back the
 * headline; and the search time of each set.
 *
 *   node bench/typos.ts [--queries 300] [--write]
 *
 * A slip is one of: a neighbouring key of the Arabic keyboard, a confusable letter (ض/ظ, ذ/ز,
 * ث/س, ص/س, ط/ت, ق/ك, ح/ه), two letters swapped, a letter dropped or doubled; made in one word
 * of five letters or more, and only kept when the result is no word of the corpus (a typo that
 * makes another real word is a different problem, which no spelling check can see).
 */
import { parseArgs } from 'node:util';
import { loadNews } from './lib/news.ts';
import { productIndex } from './lib/engines.ts';
import { percentile } from './lib/metrics.ts';
import { writeSection } from './lib/results-md.ts';
import { seededRandom } from './lib/scale-corpus.ts';
import { ANALYZER_VERSION } from '../src/text/analyze.ts';
import { normalizeText } from '../src/text/normalize.ts';
import { searchArticles } from '../src/search/search-articles.ts';
import type { LoadedIndex } from '../src/search/read-index.ts';
import { EMPTY_VOCABULARY } from '../src/search/compact/vocabulary.ts';

const { values } = parseArgs({ options: { queries: { type: 'string', default: '300' }, write: { type: 'boolean', default: false } } });
const NEWS = new URL('../../shared/data/saudinewsnet/saudinewsnet.jsonl.gz', import.meta.url);
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const ARTICLES = 2000;

const NEIGHBOURS: Record<string, string> = {};
for (const row of ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ءرلايهوزظ']) {
  for (let i = 0; i < row.length; i++) NEIGHBOURS[row[i]!] = (NEIGHBOURS[row[i]!] ?? '') + (row[i - 1] ?? '') + (row[i + 1] ?? '');
}
for (const pair of ['ضظ', 'ذز', 'ثس', 'صس', 'طت', 'قك', 'حه']) {
  NEIGHBOURS[pair[0]!] = (NEIGHBOURS[pair[0]!] ?? '') + pair[1]!;
  NEIGHBOURS[pair[1]!] = (NEIGHBOURS[pair[1]!] ?? '') + pair[0]!;
}

const random = seededRandom(2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function slip(word: string): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const letter = word[i]!;
  switch (pick(['neighbour', 'swap', 'drop', 'double'] as const)) {
    case 'neighbour': {
      const options = NEIGHBOURS[letter];
      return options === undefined || options === '' ? word : word.slice(0, i) + pick([...options]) + word.slice(i + 1);
    }
    case 'swap':
      return word.slice(0, i) + word[i + 1]! + letter + word.slice(i + 2);
    case 'drop':
      return word.slice(0, i) + word.slice(i + 1);
    case 'double':
      return word.slice(0, i + 1) + letter + word.slice(i + 1);
  }
}

const articles = loadNews(NEWS, ARTICLES);
const index = productIndex(articles);
const known = new Set(Array.from({ length: index.vocabulary.size }, (_, i) => index.vocabulary.key(i)));
const uncorrected: LoadedIndex = { ...index, vocabulary: EMPTY_VOCABULARY };

interface Case {
  id: string;
  clean: string;
  typed: string;
}
const cases: Case[] = [];
for (const article of articles) {
  if (cases.length >= Number(values.queries)) break;
  const clean = article.title
    .replace(/["“”«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = clean.split(' ');
  const candidates = words.map((word, i) => ({ word, i })).filter(({ word }) => /^[\u0621-\u064A]{5,}$/.test(word));
  if (candidates.length === 0) continue;
  const { word, i } = pick(candidates);
  const typo = slip(word);
  if (typo === word || known.has(normalizeText(typo))) continue;
  cases.push({ id: article.id, clean, typed: words.map((w, k) => (k === i ? typo : w)).join(' ') });
}

function run(target: LoadedIndex, query: (c: Case) => string) {
  let found = 0;
  let meant = 0;
  const millis: number[] = [];
  for (const c of cases) {
    const started = performance.now();
    const answer = searchArticles(target, { q: query(c), limit: 10, offset: 0, sources: [], sort: 'relevance' });
    millis.push(performance.now() - started);
    if (answer.hits.some((hit) => hit.id === c.id)) found++;
    if (answer.didYouMean !== undefined && normalizeText(answer.didYouMean) === normalizeText(c.clean)) meant++;
  }
  return { recall: found / cases.length, meant: meant / cases.length, p50: percentile(millis, 50), p95: percentile(millis, 95) };
}

// One untimed pass warms the JIT and the analyzer's memo, as in the relevance bench.
run(index, (c) => c.typed);
const clean = run(index, (c) => c.clean);
const typed = run(index, (c) => c.typed);
const off = run(uncorrected, (c) => c.typed);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const table = [
  '| Queries | recall@10 | right didYouMean | p50 ms | p95 ms |',
  '|---|---:|---:|---:|---:|',
  `| headlines as written | ${pct(clean.recall)} | – | ${clean.p50.toFixed(2)} | ${clean.p95.toFixed(2)} |`,
  `| one slip, correction on | ${pct(typed.recall)} | ${pct(typed.meant)} | ${typed.p50.toFixed(2)} | ${typed.p95.toFixed(2)} |`,
  `| one slip, correction off | ${pct(off.recall)} | – | ${off.p50.toFixed(2)} | ${off.p95.toFixed(2)} |`,
].join('\n');
const summary = `Recall with a slip / clean recall: ${pct(typed.recall / clean.recall)} (goal ≥ 97%).`;
console.log(`${cases.length} headlines of the first ${ARTICLES} SaudiNewsNet articles, analyzer ${ANALYZER_VERSION}\n\n${table}\n\n${summary}`);
if (values.write) {
  writeSection(
    RESULTS,
    'typos',
    `
## Typos (one slip per headline)

\`node bench/typos.ts --write\`, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, analyzer \`${ANALYZER_VERSION}\`: ${cases.length} headlines
of the first ${ARTICLES} SaudiNewsNet articles (title and body indexed), each typed with one slip in a word of five letters or
more that makes no corpus word (neighbouring key, confusable letter, swap, drop or double; bench/typos.ts). Recall@10 of the
headline's own article; a right \`didYouMean\` is the headline itself (letters folded).

${table}

${summary}
`,
  );
}
