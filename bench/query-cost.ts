/**
 * What one search costs the engine, in CPU time, on the whole SaudiNewsNet corpus: realistic
 * queries (one to three headline words, and whole pasted headlines) and the adversarial set
 * (bench/lib/adversarial.ts), each run through the Worker's own search pass in this process.
 * A query the API refuses (a 400 problem, e.g. over the work budget) is reported as refused,
 * with the time the refusal took.
 *
 *   npm run bench:query-cost -- [--articles 31030] [--repeats 10] [--queries 300] [--clock cpu|wall]
 */
import { cpuUsage } from 'node:process';
import { parseArgs } from 'node:util';
import { buildIndexData } from '../build-index/build-index-data.ts';
import { assertWithinBudget, readSearchRequest } from '../src/api/read-query.ts';
import { ProblemError } from '../src/http/problem.ts';
import { parseQuery } from '../src/search/query.ts';
import { loadIndex } from '../src/search/read-index.ts';
import { searchArticles } from '../src/search/search-articles.ts';
import { suggest } from '../src/search/suggest.ts';
import { ADVERSARIAL } from './lib/adversarial.ts';
import { percentile } from './lib/metrics.ts';
import { readSubset, seededRandom, titleQueries } from './lib/scale-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '31030' },
    repeats: { type: 'string', default: '10' },
    queries: { type: 'string', default: '300' },
    clock: { type: 'string', default: 'cpu' },
  },
});
const articles = readSubset(Number(values.articles)).articles;
const repeats = Number(values.repeats);
const built = buildIndexData(articles, { builtAt: new Date(0).toISOString() });
const index = loadIndex({ manifest: built.manifest, indexBlob: built.blob });

/**
 * Milliseconds of `run`: with --clock cpu, this process's CPU time (user + system of all its
 * threads, so V8's helper threads count too: concurrent marking of this large heap, compilers;
 * an upper bound of what the query costs its thread); with --clock wall, elapsed time on the main
 * thread, GC pauses included (run it on an otherwise idle machine). Node's per-thread CPU clock
 * ticks in 4 ms steps here, too coarse for one query.
 */
function cpuMs(run: () => void): number {
  if (values.clock === 'wall') {
    const start = performance.now();
    run();
    return performance.now() - start;
  }
  const before = cpuUsage();
  run();
  const used = cpuUsage(before);
  return (used.user + used.system) / 1000;
}

type Outcome = { ms: number; refused?: string };

/** One API search, parameters and work budget checked as the route checks them. */
function search(q: string, offset = 0): Outcome {
  let refused: string | undefined;
  const ms = cpuMs(() => {
    try {
      const request = readSearchRequest(new URLSearchParams({ q, limit: '10', offset: String(offset) }));
      assertWithinBudget(parseQuery(request.q, index.analyzer));
      searchArticles(index, request);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      refused = error.detail;
    }
  });
  return refused === undefined ? { ms } : { ms, refused };
}

const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

// Warm the JIT and the analyzer's memo the way a long-lived isolate is.
for (const q of titleQueries(articles, 200, 7)) search(q);

console.log(
  `bench:query-cost: ${articles.length} articles, ${values.clock === 'wall' ? 'wall' : 'process CPU'} time of the search pass per query (Node ${process.version})`,
);
const realisticQueries = titleQueries(articles, Number(values.queries), 11);
const realistic = realisticQueries.map((q) => search(q).ms);
const slowest = realisticQueries
  .map((q, i) => ({ q, ms: realistic[i]! }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 3);
const random = seededRandom(3);
const headlines = Array.from({ length: 100 }, () => articles[Math.floor(random() * articles.length)]!.title).map((q) => search(q));
const taken = headlines.filter((outcome) => outcome.refused === undefined).map((outcome) => outcome.ms);
console.log(`\n| realistic | queries | p50 | p99 | max |\n|---|---:|---:|---:|---:|`);
console.log(
  `| one to three headline words | ${realistic.length} | ${fmt(percentile(realistic, 50))} | ${fmt(percentile(realistic, 99))} | ${fmt(Math.max(...realistic))} |`,
);
console.log(
  `| a whole headline pasted | ${taken.length} (${headlines.length - taken.length} refused) | ${fmt(percentile(taken, 50))} | ${fmt(percentile(taken, 99))} | ${fmt(Math.max(...taken))} |`,
);

console.log(`\n| adversarial (${repeats} runs each, other offsets) | p50 | max | answer |\n|---|---:|---:|---|`);
let worst = { label: '', ms: 0 };
for (const [label, query] of ADVERSARIAL) {
  const times: number[] = [];
  let answer = '200';
  for (let i = 0; i < repeats; i++) {
    if (query.startsWith('suggest:')) {
      times.push(cpuMs(() => suggest(index.vocabulary, query.slice('suggest:'.length), 8)));
      continue;
    }
    const outcome = search(query, i);
    times.push(outcome.ms);
    if (outcome.refused !== undefined) answer = `400: ${outcome.refused}`;
  }
  const max = Math.max(...times);
  if (max > worst.ms) worst = { label, ms: max };
  console.log(`| ${label} | ${fmt(percentile(times, 50))} | ${fmt(max)} | ${answer} |`);
}
console.log(`\nSlowest realistic: ${slowest.map(({ q, ms }) => `${q} (${fmt(ms)})`).join(', ')}`);
console.log(`Worst: ${fmt(worst.ms)} (${worst.label}); realistic p99 ${fmt(percentile(realistic, 99))}.`);
