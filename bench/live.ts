/**
 * npm run bench:live [-- --base 10000 --live 1000 --no-workerd]: what a live set costs searches.
 * 10,000 SaudiNewsNet articles as the embedded index, 1,000 live (800 new, 200 corrections of
 * base articles) and 100 retractions; 300 headline queries.
 * - In process (Node): search time of the base alone and of base + live (live-view.ts), and
 *   what making the live set's version costs (analysis of its articles, the view).
 * - Through the Worker (workerd under wrangler dev, its live store a real Durable Object): the
 *   Server-Timing search time of the same queries before and after the live set is published.
 * Prints the numbers; bench/RESULTS.md records a run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateArticle } from '../src/corpus/validate-article.ts';
import { analyzeArticle } from '../src/live/analyze-article.ts';
import { liveBackend } from '../src/live/live-backend.ts';
import { createLiveView } from '../src/live/live-view.ts';
import { LiveWordCounts } from '../src/live/live-vocabulary.ts';
import { localBackend } from '../src/search/backend.ts';
import type { StoredArticle } from '../src/search/index-format.ts';
import { loadIndex } from '../src/search/read-index.ts';
import type { SearchRequest } from '../src/search/search-articles.ts';
import { buildIndexData } from '../build-index/build-index-data.ts';
import { percentile } from './lib/metrics.ts';
import { readSubset, seededRandom, titleQueries } from './lib/scale-corpus.ts';
import { startWranglerDev } from '../scripts/wrangler-dev.ts';
import { timedGet, workerCopy } from './lib/scale-workerd.ts';

const { values } = parseArgs({
  options: { base: { type: 'string', default: '10000' }, live: { type: 'string', default: '1000' }, 'no-workerd': { type: 'boolean', default: false } },
});
const BASE = Number(values.base);
const LIVE = Number(values.live);
const CORRECTED = Math.round(LIVE / 5);
const RETRACTED = Math.round(LIVE / 10);
const QUERIES = 300;
const ROUNDS = 7;
const PORT = 8797;
const TOKEN = 'bench-live-token';
const OUT = new URL('./out/live/', import.meta.url).pathname;

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const byId = (a: StoredArticle, b: StoredArticle): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Only what the build and the write routes accept (a few SaudiNewsNet bodies hold control characters).
const articles = readSubset(BASE + LIVE + 2000).articles.filter(
  (article) => validateArticle(article.id, { ...article }, { file: 'saudinewsnet', lines: {}, defaultLine: 0 }).ok,
);
if (articles.length < BASE + LIVE - CORRECTED) throw new Error(`bench:live: SaudiNewsNet has only ${articles.length} usable articles`);
const base = articles.slice(0, BASE);
const fresh = articles.slice(BASE, BASE + LIVE - CORRECTED).map((article, i) => ({ ...article, id: `${base[(i * 7) % BASE]!.id}-live` }));
const random = seededRandom(3);
const picked = new Set<number>();
while (picked.size < CORRECTED + RETRACTED) picked.add(Math.floor(random() * BASE));
const [correctedAt, retractedAt] = [[...picked].slice(0, CORRECTED), [...picked].slice(CORRECTED)];
const corrected = correctedAt.map((at) => ({ ...base[at]!, body: `${base[at]!.body}\n\nتصحيح: ${base[(at + 1) % BASE]!.title}` }));
const live = [...fresh, ...corrected].sort(byId);
const retracted = retractedAt.map((at) => base[at]!.id);
const queries = titleQueries([...base, ...fresh], QUERIES, 21);
const request = (q: string): SearchRequest => ({ q, limit: 10, offset: 0, sources: [], sort: 'relevance' });

console.log(
  `bench:live: ${BASE.toLocaleString('en')} base articles, ${live.length} live (${fresh.length} new, ${corrected.length} corrected), ${retracted.length} retracted; ${QUERIES} queries`,
);
const data = buildIndexData(base, { builtAt: '2026-01-01T00:00:00.000Z' });
const index = loadIndex({ manifest: data.manifest, indexBlob: data.blob });

let started = performance.now();
const analyzed = live.map((article) => ({ article, analysis: analyzeArticle(article, index.fieldIds, index.analyzer) }));
const analysisMs = performance.now() - started;
started = performance.now();
// The suggestion counts are carried from version to version, as an isolate's LiveSet carries them.
const wordCounts = new LiveWordCounts(index.analyzer);
const view = createLiveView({ base: index, live: analyzed, hidden: new Set([...retracted, ...corrected.map((article) => article.id)]), wordCounts });
const viewMs = performance.now() - started;
started = performance.now();
for (const prefix of ['ال', 'سع', 'مل', 'وز']) void [...view.vocabulary.completions(prefix)];
const vocabularyMs = performance.now() - started;

const plain = localBackend(index);
const combined = liveBackend(view, index.manifest);
// Interleaved, query by query: the machine's load (other processes) weighs on both alike.
const baseTimes: number[] = [];
const liveTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    // Which goes first alternates by round: the second of a pair finds the process's caches warm.
    const timed = async (backend: typeof plain): Promise<number> => {
      const t = performance.now();
      await backend.search(request(q));
      return performance.now() - t;
    };
    let baseMs: number;
    let liveMs: number;
    if (round % 2 === 0) {
      baseMs = await timed(plain);
      liveMs = await timed(combined);
    } else {
      liveMs = await timed(combined);
      baseMs = await timed(plain);
    }
    if (round > 0) {
      baseTimes.push(baseMs);
      liveTimes.push(liveMs);
    }
  }
}
started = performance.now();
// The next version: one more write seen (the first live article retracted).
const version = createLiveView({
  base: index,
  live: analyzed.slice(1),
  hidden: new Set([...retracted, ...corrected.map((article) => article.id)]),
  wordCounts,
});
for (const prefix of ['ال', 'سع', 'مل', 'وز']) void [...version.vocabulary.completions(prefix)];
const nextVersionMs = performance.now() - started;
started = performance.now();
for (const prefix of ['ال', 'سع', 'مل', 'وز']) void [...version.vocabulary.completions(prefix)];
const againMs = performance.now() - started;
const [b50, b95, l50, l95] = [percentile(baseTimes, 50), percentile(baseTimes, 95), percentile(liveTimes, 50), percentile(liveTimes, 95)];
console.log('In process (Node), search only:');
console.log(`  base alone      p50 ${ms(b50)}  p95 ${ms(b95)}`);
console.log(`  base + live     p50 ${ms(l50)}  p95 ${ms(l95)}  (p95 ${(l95 / b95).toFixed(2)}× the base's; goal ≤ 1.2×)`);
console.log(
  `  the first version: analysis of ${live.length} articles ${ms(analysisMs)} (once per article), view ${ms(viewMs)}, words of the changed articles and 4 suggestions ${ms(vocabularyMs)} (on the first suggestion)`,
);
console.log(
  `  each later version (a write seen): view and 4 suggestions ${ms(nextVersionMs)}; the same 4 suggestions again ${ms(againMs)} (counts already current)`,
);

if (!values['no-workerd']) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'build'), { recursive: true });
  const corpus = join(OUT, 'corpus');
  mkdirSync(corpus, { recursive: true });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(corpus, 'base.jsonl'), base.map((article) => JSON.stringify(article)).join('\n'));
  const build = spawnSync(process.execPath, ['build-index/cli.ts', '--corpus', corpus, '--out', join(OUT, 'build', 'index-data.js'), '--shards', '1'], {
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build-index failed:\n${build.stderr}`);
  const dir = workerCopy(join(OUT, 'worker'), join(OUT, 'build'));
  const server = await startWranglerDev({ port: PORT, cwd: dir, readyTimeoutMs: 180_000, vars: { PUBLISH_TOKEN: TOKEN } });
  try {
    // workerd's clock moves only between I/O: Server-Timing is coarse, so the round trip is timed too.
    const serverTimes = async (list: readonly string[] = queries): Promise<number[]> => {
      const times: number[] = [];
      for (const q of list) {
        const timed = await timedGet(`${server.origin}/api/search?q=${encodeURIComponent(q)}`);
        if (timed.status !== 200) throw new Error(`search ${q}: ${timed.status}`);
        times.push(timed.ms);
      }
      return times;
    };
    // Warm-up on other queries: a measured query must miss the edge cache (its key holds the live sequence, so the run after the writes misses too).
    await serverTimes(titleQueries(base, QUERIES, 99));
    const before = await serverTimes();
    const write = { Authorization: `Bearer ${TOKEN}` };
    let t = performance.now();
    const bulk = await fetch(`${server.origin}/api/articles`, {
      method: 'POST',
      headers: { ...write, 'Content-Type': 'application/x-ndjson' },
      body: live.map((article) => JSON.stringify(article)).join('\n'),
    });
    if (bulk.status !== 200) throw new Error(`bulk upload: ${bulk.status} ${await bulk.text()}`);
    const bulkMs = performance.now() - t;
    t = performance.now();
    for (const id of retracted) {
      const response = await fetch(`${server.origin}/api/articles/${id}`, { method: 'DELETE', headers: write });
      if (response.status !== 204) throw new Error(`retract ${id}: ${response.status}`);
    }
    const retractMs = (performance.now() - t) / retracted.length;
    t = performance.now();
    await timedGet(`${server.origin}/api/search?q=${encodeURIComponent('الأولى')}`);
    const firstMs = performance.now() - t;
    const after = await serverTimes();
    const [w50, w95, x50, x95] = [percentile(before, 50), percentile(before, 95), percentile(after, 50), percentile(after, 95)];
    console.log('Through the Worker (wrangler dev), request round trip, edge cache missed:');
    console.log(`  base alone      p50 ${ms(w50)}  p95 ${ms(w95)}`);
    console.log(`  base + live     p50 ${ms(x50)}  p95 ${ms(x95)}  (p95 ${(x95 / w95).toFixed(2)}× the base's)`);
    console.log(
      `  bulk upload of ${live.length} articles ${ms(bulkMs)}; a retraction ${ms(retractMs)} (acknowledged, seen by the writer's next search); first search after them ${ms(firstMs)} (builds the version)`,
    );
  } finally {
    await server.stop();
  }
}
