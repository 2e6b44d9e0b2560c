/**
 * Relevance bench: ARCD passage retrieval (question → its paragraph) for the product's analyzer
 * and its peers in the same run, plus a news-headline regression check on SaudiNewsNet.
 *
 *   node bench/relevance.ts            all engines, writes the "relevance" section of bench/RESULTS.md
 *   node bench/relevance.ts --quick    product and the two in-house baselines only, writes nothing
 *   node bench/relevance.ts --misses   also prints the questions the product ranks worst
 *   node bench/relevance.ts --no-news  skips the news check (with --quick, for quick iterations)
 *
 * Questions fall in two halves by their Wikipedia article (bench/lib/arcd.ts, splitOf): analyzer
 * changes are tuned on `tune` only, and every run reports `held-out` beside it.
 *
 * Only the paragraph is indexed (not the Wikipedia article title), the same for every engine:
 * titles are shared by all paragraphs of an article, so they cannot tell the right paragraph apart.
 */
import os from 'node:os';
import { loadArcd, type Split } from './lib/arcd.ts';
import { engines } from './lib/engines.ts';
import { runQueries, score, type Scores } from './lib/metrics.ts';
import { loadNews, newsCheck } from './lib/news.ts';
import { writeSection } from './lib/results-md.ts';
import { ANALYZER_VERSION } from '../src/text/analyze.ts';

const ARCD = new URL('../../shared/data/arcd/arcd-train.json', import.meta.url);
const NEWS = new URL('../../shared/data/saudinewsnet/saudinewsnet.jsonl.gz', import.meta.url);
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const NEWS_ARTICLES = 2000;

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');

const { passages, questions } = loadArcd(ARCD);
const rows: { name: string; setup: string; scores: Scores; halves: Record<Split, Scores> }[] = [];
for (const engine of engines()) {
  if (quick && !/no Arabic|normalization only|Product/.test(engine.name)) continue;
  const search = engine.build(passages);
  // One untimed pass warms the JIT and caches, so times compare steady states.
  for (const question of questions.slice(0, 50)) search(question.text);
  const run = runQueries(questions, search);
  const half = (split: Split) => {
    const keep = questions.map((question) => question.split === split);
    return score({ ranks: run.ranks.filter((_, i) => keep[i]), zeroResults: 0, millis: run.millis.filter((_, i) => keep[i]) });
  };
  rows.push({ name: engine.name, setup: engine.setup, scores: score(run), halves: { tune: half('tune'), 'held-out': half('held-out') } });
  if (args.has('--misses') && engine.name.startsWith('Product')) {
    for (const [i, rank] of run.ranks.entries()) {
      if (rank === 0 || rank > 3) console.log(`rank ${rank || '>10'}\t${questions[i]!.text.trim()}`);
    }
  }
}

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);
const count = (split: Split) => questions.filter((question) => question.split === split).length;
const table = [
  `| Engine | MRR@10 | R@1 | R@5 | R@10 | Zero-result | p50 ms | p95 ms | MRR@10 tune (${count('tune')}) | MRR@10 held-out (${count('held-out')}) |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    ({ name, scores: s, halves }) =>
      `| ${name} | ${f3(s.mrr10)} | ${f3(s.recall1)} | ${f3(s.recall5)} | ${f3(s.recall10)} | ${s.zeroResults} | ${f2(s.p50)} | ${f2(s.p95)} | ${f3(halves.tune.mrr10)} | ${f3(halves['held-out'].mrr10)} |`,
  ),
].join('\n');
console.log(table);

if (args.has('--no-news')) process.exit(0);
const news = newsCheck(loadNews(NEWS, NEWS_ARTICLES));
const newsTable = [
  '| News check (product analyzer) | MRR@10 | R@1 | R@10 | p50 ms | p95 ms |',
  '|---|---:|---:|---:|---:|---:|',
  ...(
    [
      ['Headline → article, title + body indexed', news.withTitles],
      ['Headline → article, body only indexed', news.bodiesOnly],
    ] as const
  ).map(([name, s]) => `| ${name} | ${f3(s.mrr10)} | ${f3(s.recall1)} | ${f3(s.recall10)} | ${f2(s.p50)} | ${f2(s.p95)} |`),
].join('\n');
console.log(`\n${newsTable}`);

if (!quick) {
  writeSection(
    RESULTS,
    'relevance',
    `
## Relevance (ARCD)

\`npm run bench:relevance\` (\`node bench/relevance.ts\`), ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, shared), analyzer \`${ANALYZER_VERSION}\`.

ARCD training set (\`../shared/data/arcd/arcd-train.json\`): ${passages.length} paragraphs indexed as one document each
(paragraph text only, no article title, same for every engine), ${questions.length} questions; the one relevant document
of a question is its own paragraph. Every engine gets the question as typed and returns its top 10 (OR of terms, BM25).

${table}

${rows.map(({ name, setup }) => `- **${name}**: ${setup}.`).join('\n')}

What each analyzer rule bought (MRR@10 before and after each change) is in docs/analyzer.md, "Change log".

### News regression (SaudiNewsNet)

The first ${NEWS_ARTICLES} SaudiNewsNet articles with a headline of three words or more (headlines and bodies unique);
each headline is a query and its own article is the one relevant result. The product's options and \`searchArticles\`;
quote marks in headlines are dropped (typed, they would make a phrase query, which tests the phrase filter instead).

${newsTable}
`,
  );
  console.log(`\nwrote ${RESULTS.pathname}`);
}
