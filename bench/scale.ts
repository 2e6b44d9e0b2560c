/**
 * Scale and cold-start bench: SaudiNewsNet subsets of N articles, built with the real build
 * step, loaded in fresh processes and served by the Worker under wrangler dev (workerd), with
 * plain MiniSearch, FlexSearch and Orama loading the same corpus in the same run.
 *
 *   npm run bench:scale -- --sizes 1000,10000,31030 [--runs 3] [--no-workerd] [--no-peers] [--orama-max 10000] [--no-write]
 *
 * Writes the "scale" section of bench/RESULTS.md and bench/scale.svg.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readSubset, titleQueries } from './lib/scale-corpus.ts';
import { writePeer, type PeerName } from './lib/scale-peers.ts';
import { renderChart, renderSection, type SizeResult, type EngineLoad, type WorkerRun } from './lib/scale-report.ts';
import { startWranglerDev } from '../scripts/wrangler-dev.ts';
import { bundleSize, emptyWorker, snapshot, timedGet, workerCopy } from './lib/scale-workerd.ts';
import { writeSection } from './lib/results-md.ts';
import { plainMiniSearch } from '../build-index/build-index-data.ts';

/** Where the build, the loads and the Worker run from: a snapshot of the checkout taken at start (see main). */
let ROOT = new URL('../', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,31030' },
    runs: { type: 'string', default: '3' },
    queries: { type: 'string', default: '300' },
    workerd: { type: 'boolean', default: true },
    peers: { type: 'boolean', default: true },
    'orama-max': { type: 'string', default: '10000' },
    port: { type: 'string', default: '8780' },
    write: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const port = Number(values.port);
const work = join(tmpdir(), `scale-bench-${process.pid}`);
const log = (message: string): void => void process.stderr.write(`bench:scale: ${message}\n`);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const quantiles = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) });

interface ChildResult {
  loadMs: number;
  heapUsed: number;
  arrayBuffers: number;
  searchMs: number[];
  routeMs: number[];
}

function loadChild(engine: PeerName | 'compact', file: string, queriesFile: string, heapCapMb?: number): ChildResult | undefined {
  const flags = ['--expose-gc', ...(heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`])];
  const run = spawnSync(process.execPath, [...flags, join(ROOT, 'bench/lib/scale-load.ts'), engine, file, queriesFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) return undefined;
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

function measureLoads(engine: PeerName | 'compact', file: string, queriesFile: string): EngineLoad {
  const results: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    const result = loadChild(engine, file, queriesFile);
    if (result === undefined) return { engine, failed: true, fitsHeapCap: false };
    results.push(result);
  }
  const capped = loadChild(engine, file, queriesFile, 128);
  return {
    engine,
    failed: false,
    loadMs: median(results.map((r) => r.loadMs)),
    heapMb: median(results.map((r) => r.heapUsed)) / 2 ** 20,
    buffersMb: median(results.map((r) => r.arrayBuffers)) / 2 ** 20,
    search: quantiles(results.flatMap((r) => r.searchMs)),
    ...(engine === 'compact' ? { route: quantiles(results.flatMap((r) => r.routeMs)) } : {}),
    fitsHeapCap: capped !== undefined,
  };
}

async function measureWorker(dir: string, queries: string[], portOffset: number): Promise<WorkerRun> {
  const firsts: number[] = [];
  const readies: number[] = [];
  const search: number[] = [];
  const searchWall: number[] = [];
  const suggest: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Ready by wrangler's line, not a request: the first /api/health below is timed.
    const dev = await startWranglerDev({ port: port + portOffset, cwd: dir, until: 'ready-line', logLevel: 'info', readyTimeoutMs: 180_000 });
    try {
      readies.push(dev.readyMs);
      const first = await timedGet(`${dev.origin}/api/health`);
      if (first.status !== 200) throw new Error(`/api/health answered ${first.status}`);
      firsts.push(first.ms);
      if (i === runs - 1) {
        for (const q of queries) {
          const timed = await timedGet(`${dev.origin}/api/search?q=${encodeURIComponent(q)}`);
          if (timed.status !== 200 || timed.serverMs === undefined) throw new Error(`/api/search?q=${q} answered ${timed.status}`);
          search.push(timed.serverMs);
          searchWall.push(timed.ms);
        }
        for (const q of queries) {
          const prefix = q.split(' ')[0]!.slice(0, 3);
          const timed = await timedGet(`${dev.origin}/api/suggest?q=${encodeURIComponent(prefix)}`);
          if (timed.serverMs !== undefined) suggest.push(timed.serverMs);
        }
      }
    } finally {
      await dev.stop();
    }
  }
  return { readyMs: median(readies), firstMs: median(firsts), search: quantiles(search), searchWall: quantiles(searchWall), suggest: quantiles(suggest) };
}

/** `wrangler check startup`: the local startup CPU profile's active time. */
function startupCpu(dir: string): number | undefined {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/wrangler'), ['check', 'startup', '--outfile', join(dir, 'startup.cpuprofile')], {
    cwd: dir,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const match = /Active: ([\d.]+) ms/.exec(`${run.stdout}${run.stderr}`);
  return match ? Number(match[1]) : undefined;
}

async function emptyBaseline(): Promise<{ firstMs: number; startupMs: number | undefined } | undefined> {
  if (!values.workerd) return undefined;
  const dir = emptyWorker(join(work, 'empty'));
  const startupMs = startupCpu(dir);
  const firsts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dev = await startWranglerDev({ port: port + 9, cwd: dir, until: 'ready-line', logLevel: 'info', readyTimeoutMs: 180_000 });
    try {
      firsts.push((await timedGet(`${dev.origin}/`)).ms);
    } finally {
      await dev.stop();
    }
  }
  return { firstMs: median(firsts), startupMs };
}

async function benchSize(n: number): Promise<SizeResult> {
  const dir = join(work, String(n));
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  const { articles, refused } = readSubset(n);
  writeFileSync(join(dir, 'corpus/articles.jsonl'), `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);

  log(`${n}: building ${articles.length} articles`);
  const out = join(dir, 'out/index-data.js');
  const started = performance.now();
  const build = spawnSync(process.execPath, [join(ROOT, 'build-index/cli.ts'), '--corpus', join(dir, 'corpus'), '--out', out, '--skip-invalid'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const buildMs = performance.now() - started;
  if (build.status !== 0) throw new Error(`build failed for ${n}:\n${build.stderr.slice(-3000)}`);
  const indexed = Number(/articles\s+([\d,]+) indexed/.exec(build.stdout)![1]!.replace(/,/g, ''));
  const bin = out.replace(/\.js$/, '.bin');
  const blob = readFileSync(bin);
  const rawBytes = blob.length + statSync(out).size;
  const gzipBytes = gzipSync(blob).length + gzipSync(readFileSync(out)).length;

  const queries = [...new Set(titleQueries(articles, Number(values.queries), 42))];
  const queriesFile = join(dir, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));

  log(`${n}: fresh-process loads`);
  const loads: EngineLoad[] = [measureLoads('compact', bin, queriesFile)];
  if (values.peers) {
    // MiniSearch's own JSON of the same articles, indexed with the same options.
    writeFileSync(join(dir, 'minisearch.json'), JSON.stringify(plainMiniSearch(articles, { builtAt: new Date(0).toISOString() })));
    loads.push(measureLoads('minisearch', join(dir, 'minisearch.json'), queriesFile));
    rmSync(join(dir, 'minisearch.json'));
    log(`${n}: FlexSearch`);
    writePeer('flexsearch', articles, join(dir, 'flexsearch.json'));
    loads.push(measureLoads('flexsearch', join(dir, 'flexsearch.json'), queriesFile));
    rmSync(join(dir, 'flexsearch.json'));
    if (n <= Number(values['orama-max'])) {
      log(`${n}: Orama`);
      writePeer('orama', articles, join(dir, 'orama.json'));
      loads.push(measureLoads('orama', join(dir, 'orama.json'), queriesFile));
      rmSync(join(dir, 'orama.json'));
    }
  }

  let worker: WorkerRun | undefined;
  let bundle: SizeResult['bundle'];
  let startupMs: number | undefined;
  if (values.workerd) {
    const copy = workerCopy(join(dir, 'worker'), join(dir, 'out'), ROOT);
    log(`${n}: wrangler deploy --dry-run, check startup`);
    bundle = bundleSize(copy);
    startupMs = startupCpu(copy);
    log(`${n}: wrangler dev`);
    worker = await measureWorker(copy, queries, 0);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    n,
    indexed,
    refused: refused + (articles.length - indexed),
    buildMs,
    rawBytes,
    gzipBytes,
    bundle,
    startupMs,
    loads,
    worker,
    queries: queries.length,
  };
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  try {
    ROOT = `${snapshot(join(work, 'snapshot'))}/`;
    const empty = await emptyBaseline();
    const results: SizeResult[] = [];
    for (const n of sizes) {
      results.push(await benchSize(n));
      log(`${n}: done`);
    }
    const section = renderSection(results, empty, runs);
    console.log(section);
    if (values.write) {
      writeSection(new URL('./RESULTS.md', import.meta.url), 'scale', section);
      writeFileSync(new URL('./scale.svg', import.meta.url), renderChart(results));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
