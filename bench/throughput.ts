/**
 * npm run bench:throughput
 *
 * Requests per second of the real Worker under `wrangler dev` against an empty Hono Worker on
 * the same wrangler, machine and run: 16 connections of distinct searches (every request a query
 * no earlier request sent, so neither the edge cache nor the analyzer's memo answers for it) on a
 * 5,000-article SaudiNewsNet index. Two mixes: two headline words; two headline words and a
 * number (a frequent term). The empty Worker answers /api/search with a fixed JSON body through
 * Hono's router: what any Worker pays before our search. The two servers run one after the other
 * (the machine has 2 cores); the search Worker runs three times: as deployed; without the rate
 * limiter binding; and without the limiter and with `caches.default` a no-op. Locally the Cache
 * API is miniflare's simulator, a Durable Object with storage in the same workerd, which costs
 * the isolate's thread far more than the edge cache's subrequest costs a deployed Worker. Bounded: each run lasts THROUGHPUT_SECONDS and the servers stop.
 *
 * Options (environment): THROUGHPUT_ARTICLES (5000), THROUGHPUT_SECONDS (20),
 * THROUGHPUT_CONNECTIONS (16), THROUGHPUT_PORT (8773).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { startWranglerDev, type WranglerDev } from '../scripts/wrangler-dev.ts';
import { readNews, writeCorpusFile } from './lib/news-corpus.ts';
import { seededRandom } from './lib/scale-corpus.ts';
import { benchWranglerConfig, buildIndex, bundleWorker, ROOT } from './lib/worker-bundle.ts';

const ARTICLES = Number(process.env['THROUGHPUT_ARTICLES'] ?? 5000);
const SECONDS = Number(process.env['THROUGHPUT_SECONDS'] ?? 20);
const CONNECTIONS = Number(process.env['THROUGHPUT_CONNECTIONS'] ?? 16);
const PORT = Number(process.env['THROUGHPUT_PORT'] ?? 8773);
const ARABIC_WORD = /[\u0621-\u064A]{3,}/g;

/** Distinct search paths: `words` headline words each, plus a number when `number` is set. */
function distinctPaths(titles: readonly string[], count: number, withNumber: boolean, seed: number): string[] {
  const words = [...new Set(titles.flatMap((title) => title.match(ARABIC_WORD) ?? []))];
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const paths: string[] = [];
  while (paths.length < count) {
    const q = [
      words[Math.floor(random() * words.length)]!,
      words[Math.floor(random() * words.length)]!,
      ...(withNumber ? [String(2000 + Math.floor(random() * 20))] : []),
    ].join(' ');
    if (seen.has(q)) continue;
    seen.add(q);
    paths.push(`/api/search?q=${encodeURIComponent(q)}`);
  }
  return paths;
}

async function requestsPerSecond(origin: string, paths: readonly string[]): Promise<{ rps: number; p99: number; non2xx: number; sent: number }> {
  let cursor = 0;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length]! }) }],
  });
  if (cursor > paths.length) console.warn(`bench:throughput: ${cursor} requests for ${paths.length} distinct paths: some were repeated`);
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, sent: result.requests.total };
}

async function serve(dir: string, port: number): Promise<WranglerDev> {
  return startWranglerDev({ port, cwd: dir, configs: [join(dir, 'wrangler.toml')], logLevel: 'warn', readyTimeoutMs: 180_000 });
}

const dir = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
let server: WranglerDev | undefined;
const hardStop = setTimeout(() => {
  console.error('bench:throughput: still running after 15 minutes; stopping.');
  void server?.stop();
  process.exit(1);
}, 15 * 60_000);
try {
  const articles = readNews(ARTICLES);
  writeCorpusFile(join(dir, 'corpus'), articles);
  const { module } = buildIndex(join(dir, 'corpus'), join(dir, 'search'));
  await bundleWorker('index.ts', module, join(dir, 'search', 'worker.js'), { indexFile: 'external' });
  writeFileSync(join(dir, 'search', 'wrangler.toml'), benchWranglerConfig('throughput-search'));
  // The same Worker without the rate limiter binding: miniflare's local limiter costs a few ms a request.
  mkdirSync(join(dir, 'unlimited'), { recursive: true });
  writeFileSync(join(dir, 'unlimited', 'wrangler.toml'), benchWranglerConfig('throughput-unlimited', '../search/worker.js').split('[[ratelimits]]')[0]!);

  // ... and without the edge cache either: a no-op `caches.default` ahead of the same bundle.
  mkdirSync(join(dir, 'uncached'), { recursive: true });
  writeFileSync(
    join(dir, 'search', 'worker-uncached.js'),
    `Object.defineProperty(globalThis, 'caches', { value: { default: { match: async () => undefined, put: async () => undefined } } });\n${readFileSync(join(dir, 'search', 'worker.js'), 'utf8')}`,
  );
  writeFileSync(join(dir, 'uncached', 'wrangler.toml'), benchWranglerConfig('throughput-uncached', '../search/worker-uncached.js').split('[[ratelimits]]')[0]!);

  mkdirSync(join(dir, 'empty'), { recursive: true });
  writeFileSync(
    join(dir, 'empty', 'entry.js'),
    "import { Hono } from 'hono';\nexport default new Hono().get('/api/search', (c) => c.json({ query: c.req.query('q'), total: 0, hits: [], facets: { source: {} } })).get('/api/health', (c) => c.json({ status: 'ok' }));\n",
  );
  await build({
    entryPoints: [join(dir, 'empty', 'entry.js')],
    outfile: join(dir, 'empty', 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'empty', 'wrangler.toml'), benchWranglerConfig('throughput-empty'));

  const titles = articles.map((article) => article.title);
  const needed = Math.ceil(SECONDS * 4000);
  const mixes = [
    { name: 'two headline words', paths: distinctPaths(titles, needed, false, 1) },
    { name: 'two headline words and a number', paths: distinctPaths(titles, needed, true, 2) },
  ];
  console.log(`bench:throughput: ${articles.length} articles, ${CONNECTIONS} connections, ${SECONDS} s per run, distinct queries`);
  const results: string[] = [];
  for (const { name, paths } of mixes) {
    server = await serve(join(dir, 'empty'), PORT);
    const empty = await requestsPerSecond(server.origin, paths);
    await server.stop();
    server = await serve(join(dir, 'search'), PORT);
    const ours = await requestsPerSecond(server.origin, paths);
    await server.stop();
    server = await serve(join(dir, 'unlimited'), PORT);
    const unlimited = await requestsPerSecond(server.origin, paths);
    await server.stop();
    server = await serve(join(dir, 'uncached'), PORT);
    const uncached = await requestsPerSecond(server.origin, paths);
    await server.stop();
    server = undefined;
    const cell = (run: typeof ours): string => `${run.rps.toFixed(0)} (p99 ${run.p99} ms, ${run.non2xx} non-2xx of ${run.sent})`;
    const ratio = (run: typeof ours): string => (run.rps / empty.rps).toFixed(2);
    const line = `| ${name} | ${empty.rps.toFixed(0)} | ${cell(ours)} | ${ratio(ours)} | ${cell(unlimited)} | ${ratio(unlimited)} | ${cell(uncached)} | ${ratio(uncached)} |`;
    console.log(line);
    results.push(line);
  }
  console.log(
    `\n| distinct searches | empty Hono Worker req/s | search Worker req/s | ratio | without the rate limiter | ratio | and without the edge cache | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|\n${results.join('\n')}`,
  );
} finally {
  await server?.stop();
  clearTimeout(hardStop);
  rmSync(dir, { recursive: true, force: true });
}
