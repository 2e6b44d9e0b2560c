/**
 * npm run bench:load
 *
 * Load and adversarial-latency test of the real Worker under `wrangler dev` on loopback, with a
 * 5,000-article SaudiNewsNet index built into a temporary folder (src/generated/ is left alone).
 *   1. adversarial queries, one at a time, each sent 30 times with a different offset so the edge
 *      cache never answers: p50 / p99 / max per query;
 *   2. autocannon, 64 connections for 60 s, a mix of realistic searches, suggestions, article
 *      reads, health checks and invalid requests: requests/s, latency, status codes, errors.
 * Bounded and self-stopping: the server is killed at the end, on error, on Ctrl-C and after
 * HARD_LIMIT_MS whatever happens. Writes the "robustness" section of bench/RESULTS.md.
 *
 * Options (environment): LOAD_ARTICLES (5000), LOAD_SECONDS (60), LOAD_CONNECTIONS (64), LOAD_PORT (8771).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result as LoadResult } from 'autocannon';
import { readNews, writeCorpusFile, type CorpusRecord } from './lib/news-corpus.ts';
import { writeSection } from './lib/results-md.ts';
import { benchWranglerConfig, buildIndex, bundleWorker } from './lib/worker-bundle.ts';
import { ADVERSARIAL } from './lib/adversarial.ts';
import { startWranglerDev, type WranglerDev } from '../scripts/wrangler-dev.ts';

const ARTICLES = Number(process.env['LOAD_ARTICLES'] ?? 5000);
const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 60);
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 64);
const PORT = Number(process.env['LOAD_PORT'] ?? 8771);
const BASE = `http://127.0.0.1:${PORT}`;
const HARD_LIMIT_MS = (SECONDS + 420) * 1000;
const ADVERSARIAL_REPEATS = 30;

// ---------------------------------------------------------------- the server

// ---------------------------------------------------------------- the requests

/** Small seeded PRNG (mulberry32): the same mix on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARABIC_WORD = /[\u0621-\u064A]{3,}/g;

/** The realistic mix: what a search box with suggestions and article links sends, plus mistakes. */
function requestMix(articles: readonly CorpusRecord[]): { paths: string[]; shares: Record<string, number> } {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const words = articles.flatMap((article) => article.title.match(ARABIC_WORD) ?? []);
  const sources = [...new Set(articles.map((article) => article.source))];
  const kinds: [string, number, () => string][] = [
    [
      'search, 1-3 title words',
      40,
      () => `/api/search?q=${encodeURIComponent(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(words)).join(' '))}`,
    ],
    [
      'search with filters or paging',
      8,
      () => `/api/search?q=${encodeURIComponent(pick(words))}&sort=newest&source=${encodeURIComponent(pick(sources))}&offset=${10 * Math.floor(next() * 3)}`,
    ],
    ['search with a phrase and an exclusion', 4, () => `/api/search?q=${encodeURIComponent(`"${pick(words)} ${pick(words)}" -${pick(words)}`)}`],
    ['suggest, 2-5 letters', 25, () => `/api/suggest?q=${encodeURIComponent(pick(words).slice(0, 2 + Math.floor(next() * 4)))}`],
    ['article', 13, () => `/api/articles/${pick(articles).id}`],
    ['health', 2, () => '/api/health'],
    [
      'invalid (400/404/405)',
      8,
      () =>
        pick([
          '/api/search',
          '/api/search?q=',
          '/api/search?q=x&limit=0',
          `/api/search?q=${'ب'.repeat(300)}`,
          '/api/search?q=x&from=2015-02-30',
          '/api/articles/no-such-id',
          '/api/nope',
        ]),
    ],
  ];
  const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);
  const paths: string[] = [];
  for (const [, weight, make] of kinds) for (let i = 0; i < weight * 100; i++) paths.push(make());
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return { paths, shares: Object.fromEntries(kinds.map(([name, weight]) => [name, Math.round((100 * weight) / total)])) };
}

interface Latency {
  label: string;
  p50: number;
  p99: number;
  max: number;
  statuses: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function adversarialLatencies(): Promise<Latency[]> {
  const results: Latency[] = [];
  for (const [label, query] of ADVERSARIAL) {
    const times: number[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < ADVERSARIAL_REPEATS; i++) {
      const path = query.startsWith('suggest:')
        ? `/api/suggest?q=${encodeURIComponent(query.slice('suggest:'.length))}&limit=${1 + (i % 20)}`
        : `/api/search?q=${encodeURIComponent(query)}&limit=50&offset=${i}`;
      const started = performance.now();
      const response = await fetch(`${BASE}${path}`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    times.sort((a, b) => a - b);
    results.push({
      label,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      max: times[times.length - 1]!,
      statuses: [...statuses].map(([s, n]) => `${n}× ${s}`).join(', '),
    });
  }
  return results;
}

// ---------------------------------------------------------------- the report

const ms = (value: number): string => `${value.toFixed(1)} ms`;

function report(context: { articles: number; shares: Record<string, number> }, adversarial: Latency[], load: LoadResult): string {
  const codes = Object.entries(load.statusCodeStats);
  const statuses = codes.map(([status, { count }]) => `${status}: ${Number(count).toLocaleString('en')}`).join(', ');
  const fiveXx = codes.filter(([status]) => Number(status) >= 500).reduce((sum, [, { count }]) => sum + Number(count), 0);
  const worst = adversarial.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  return `
## Robustness

Measured on ${new Date().toISOString().slice(0, 10)} by \`npm run bench:load\` (bench/load.ts): \`wrangler dev\` on loopback serving a
${context.articles.toLocaleString('en')}-article SaudiNewsNet index, built into a temporary folder. Load generator and server share
the machine's 2 CPU cores (with other work running), so the figures are a floor for one workerd process, not for Cloudflare's edge.

### Load: ${CONNECTIONS} connections for ${SECONDS} s (autocannon)

Mix (share of requests): ${Object.entries(context.shares)
    .map(([name, share]) => `${name} ${share}%`)
    .join('; ')}.
Searches repeat across connections, so part of them are answered by the edge cache (Cache API), as in production.

| Requests | Requests/s (mean) | Latency p50 | p97.5 | p99 | max | 5xx | Errors (connection) | Timeouts |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${load.requests.total.toLocaleString('en')} | ${load.requests.average.toFixed(0)} | ${load.latency.p50} ms | ${load.latency.p97_5} ms | ${load.latency.p99} ms | ${load.latency.max} ms | ${fiveXx} | ${load.errors} | ${load.timeouts} |

Status codes: ${statuses}. Every 4xx is an intended answer to an invalid request of the mix. The rate limiter is in
the path with a budget no run reaches (all requests come from one address). One workerd isolate runs JavaScript on one thread:
${(1000 / load.requests.average).toFixed(1)} ms of service per request on average, so with ${CONNECTIONS} requests always in flight most of
the latency is queueing (Little's law: ${CONNECTIONS} / ${load.requests.average.toFixed(0)} req/s ≈ ${((1000 * CONNECTIONS) / load.requests.average).toFixed(0)} ms).

### Adversarial queries (one at a time, ${ADVERSARIAL_REPEATS} times each, edge cache bypassed)

| Query | p50 | p99 | max | Answers |
| --- | ---: | ---: | ---: | --- |
${adversarial.map((row) => `| ${row.label} | ${ms(row.p50)} | ${ms(row.p99)} | ${ms(row.max)} | ${row.statuses} |`).join('\n')}

Worst p99: **${ms(worst.p99)}** (${worst.label}). Round-trip time through wrangler dev included.

### Inputs tried by the test suite

- \`tests/integration/fuzz-api.test.ts\` (fast-check, inside workerd, through the Worker's entry point): 6 properties ×
  250 runs plus 60 runs of repeated parameters and 13 fixed adversarial queries, on every route and parameter:
  lone surrogates, RTL/LTR overrides and isolates, zero-width characters, BOM, NUL, combining-mark floods (up to 800
  marks), tatweel, emoji sequences, query syntax (\`"\`, \`«»\`, \`-\`), up to 40 parameters, unknown parameter names,
  values up to 3,000 characters, up to 500 repeats of one parameter, malformed and overlong percent-encoding
  (\`%\`, \`%zz\`, \`%E0%A4\`, \`%C0%AF\`, encoded surrogates), odd methods (PROPFIND, PURGE, lower case) with bodies, and
  random If-None-Match, Origin, Range, Cookie, CF-Connecting-IP headers. Contract checked on every answer: a JSON
  success or an RFC 9457 problem with a 4xx status (204/304 for preflight and revalidation), never a 5xx, an answer
  within 5 s. Result: no 5xx, no hang.
- \`tests/integration/security-*.test.ts\`: security headers on every kind of response (pages, API, 304, 400, 404, 405,
  413, 414, preflight); CORS allow-list (allowed origins echoed, other / look-alike / http / \`null\` origins refused,
  preflight); problem documents never contain a raw \`<\`, \`>\` or \`&\`; the home and article pages (and their 404)
  never carry query or path input as markup.
- \`tests/integration/rate-limit.test.ts\`: the Workers Rate Limiting binding per CF-Connecting-IP (IPv6 per /64) on /api/* (429
  problem with Retry-After, separate budgets per address, CORS kept on the 429, no limit without the binding or when
  it fails).
- \`tests/build/faults-corpus.test.ts\`: truncated .jsonl, .md and .jsonl.gz files, a cut UTF-8 character, invalid
  UTF-8, BOM and CRLF (line numbers stay right), front matter errors, an empty body, a 5 MB article (refused with
  its size) and a 5 MB file of ordinary articles (built), duplicate ids across .md and .jsonl, a dangling link (a file
  that vanished after listing), a link to a folder, a named pipe, a full disk while writing (file-size limit, EFBIG)
  and a folder in place of the output: each gets one \`file:line: field: reason\` line (or one \`cannot write\` line) and
  exit 1; on a broken corpus or a full disk the previous index (module and index file) is left byte for byte, with no
  temporary file behind.
  \`tests/build/faults-output.test.ts\`: the module and its index file are written to temporary files first and renamed
  only once both are written, so a write failure on either replaces neither.
- \`tests/build/round-trip.test.ts\`: the 5 seeds and 1,000 SaudiNewsNet articles through the build CLI and the Worker
  app: every /api/articles/:id returns the body and title as given (outer whitespace trimmed), and a search for each
  title finds its article on the first page; markup in an article comes back as given from the API and escaped on its
  HTML page.
`;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  let server: WranglerDev | undefined;
  const hardStop = setTimeout(() => {
    console.error(`bench:load: still running after ${HARD_LIMIT_MS / 1000} s; stopping.`);
    void server?.stop();
    process.exit(1);
  }, HARD_LIMIT_MS);
  process.on('SIGINT', () => {
    void server?.stop();
    process.exit(130);
  });
  try {
    const articles = readNews(ARTICLES);
    writeCorpusFile(join(dir, 'corpus'), articles);
    console.log(`bench:load: building a ${articles.length}-article index in ${dir}`);
    const { module } = buildIndex(join(dir, 'corpus'), join(dir, 'out'));
    await bundleWorker('index.ts', module, join(dir, 'out', 'worker.js'), { indexFile: 'external' });
    writeFileSync(join(dir, 'out', 'wrangler.toml'), benchWranglerConfig('arabic-news-search-load'));

    server = await startWranglerDev({
      port: PORT,
      cwd: join(dir, 'out'),
      configs: [join(dir, 'out', 'wrangler.toml')],
      logLevel: 'warn',
      readyTimeoutMs: 180_000,
    });
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { articles: number };
    console.log(`bench:load: wrangler dev on ${BASE} serves ${health.articles} articles`);

    console.log('bench:load: adversarial queries');
    const adversarial = await adversarialLatencies();
    for (const row of adversarial) console.log(`  ${row.label.padEnd(36)} p50 ${ms(row.p50)}  p99 ${ms(row.p99)}  max ${ms(row.max)}  (${row.statuses})`);

    const { paths, shares } = requestMix(articles);
    let cursor = 0;
    console.log(`bench:load: autocannon, ${CONNECTIONS} connections for ${SECONDS} s`);
    const load = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 10,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length]! }) }],
    });
    console.log(
      `  ${load.requests.total} requests, ${load.requests.average.toFixed(0)} req/s, latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms`,
    );
    console.log(`  status codes ${JSON.stringify(load.statusCodeStats)}, errors ${load.errors}, timeouts ${load.timeouts}`);
    // wrangler's own attempts to reach the internet (there is none here) are not the Worker's errors.
    const problems = server
      .output()
      .split('\n')
      .filter((line) => /error|exception/i.test(line) && !/ENOTFOUND/.test(line));
    if (problems.length > 0) console.log(`  server log (errors):\n    ${problems.slice(-10).join('\n    ')}`);

    writeSection(new URL('RESULTS.md', import.meta.url), 'robustness', report({ articles: health.articles, shares }, adversarial, load));
    console.log('bench:load: wrote the robustness section of bench/RESULTS.md');
  } finally {
    await server?.stop();
    clearTimeout(hardStop);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
