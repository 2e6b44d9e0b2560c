/**
 * Sharding bench: the same SaudiNewsNet corpus built as one Worker and as S shards, both served
 * by wrangler dev (workerd); per-shard memory, startup and bundle; search through the public
 * Worker against the single Worker; and whether the two return identical top-10s.
 *
 *   npm run bench:sharded -- [--size 31030] [--shards 4] [--queries 300] [--no-write]
 *
 * Writes the "sharded" section of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSubset, titleQueries } from './lib/scale-corpus.ts';
import { startWranglerDev, type WranglerDev } from '../scripts/wrangler-dev.ts';
import { snapshot, timedGet, unlimitedPublicConfig, workerCopy } from './lib/scale-workerd.ts';
import { percentile } from './lib/metrics.ts';
import { devOrder, readWorkerSet } from '../scripts/worker-set.ts';
import { writeSection } from './lib/results-md.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '31030' },
    shards: { type: 'string', default: '4' },
    queries: { type: 'string', default: '300' },
    port: { type: 'string', default: '8770' },
    write: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const size = Number(values.size);
const shardCount = Number(values.shards);
const port = Number(values.port);
const work = join(tmpdir(), `sharded-bench-${process.pid}`);
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };
const log = (message: string): void => void process.stderr.write(`bench:sharded: ${message}\n`);
let ROOT = new URL('../', import.meta.url).pathname;

const fmt = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const q3 = (xs: number[]): string => `${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 95))} / ${fmt(percentile(xs, 99))}`;
const MiB = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

function build(corpus: string, out: string, shards: number): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'build-index/cli.ts'), '--corpus', corpus, '--out', out, '--shards', String(shards), '--skip-invalid'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`build with --shards ${shards} failed:\n${run.stderr.slice(-3000)}`);
  return performance.now() - started;
}

interface ShardFigures {
  name: string;
  articles: number;
  fileBytes: number;
  loadMs: number;
  heapMb: number;
  buffersMb: number;
  fitsHeapCap: boolean;
  startupMs: number | undefined;
  bundleKiB: number | undefined;
}

/** A fresh Node process opening the file (bench/lib/scale-load.ts), as bench:scale measures one index. */
function loadFigures(bin: string, queriesFile: string, heapCapMb?: number): { loadMs: number; heapUsed: number; arrayBuffers: number } | undefined {
  const flags = ['--expose-gc', ...(heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`])];
  const run = spawnSync(process.execPath, [...flags, join(ROOT, 'bench/lib/scale-load.ts'), 'compact', bin, queriesFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return run.status === 0 ? JSON.parse(run.stdout.trim().split('\n').pop()!) : undefined;
}

function wrangler(args: string[]): string {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/wrangler'), args, { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 1 << 24 });
  return `${run.stdout}${run.stderr}`;
}

function shardFigures(out: string, queriesFile: string): ShardFigures[] {
  const set = JSON.parse(readFileSync(join(out, 'workers.json'), 'utf8')) as { configs: string[] };
  return set.configs.map((config, i) => {
    const shard = i < set.configs.length - 1;
    const name = shard ? `shard-${i}` : 'public (router)';
    const bin = shard ? join(out, `shard-${i}/index-data.bin`) : join(out, 'index-data.bin');
    const module = readFileSync(bin.replace(/\.bin$/, '.js'), 'utf8');
    const manifest = JSON.parse(/export const manifest = (.*);/.exec(module)![1]!) as { articles: number; shard?: unknown };
    // The router holds no article (loadIndex refuses it as an index): only shards are loaded.
    const loads = shard ? [0, 1, 2].map(() => loadFigures(bin, queriesFile)) : [];
    const median = (pick: (x: { loadMs: number; heapUsed: number; arrayBuffers: number }) => number): number =>
      [...loads.map((l) => (l === undefined ? NaN : pick(l)))].sort((a, b) => a - b)[1]!;
    const configPath = join(out, config);
    const startup = /Active: ([\d.]+) ms/.exec(wrangler(['check', 'startup', '-c', configPath, '--outfile', join(work, `startup-${i}.cpuprofile`)]));
    const upload = /Total Upload: ([\d.]+) KiB/.exec(wrangler(['deploy', '--dry-run', '-c', configPath, '--outdir', join(work, `dry-${i}`)]));
    return {
      name,
      articles: shard ? manifest.articles : 0,
      fileBytes: readFileSync(bin).length,
      loadMs: shard ? median((l) => l.loadMs) : NaN,
      heapMb: shard ? median((l) => l.heapUsed) / 2 ** 20 : NaN,
      buffersMb: shard ? median((l) => l.arrayBuffers) / 2 ** 20 : NaN,
      fitsHeapCap: shard ? loadFigures(bin, queriesFile, 128) !== undefined : true,
      startupMs: startup ? Number(startup[1]) : undefined,
      bundleKiB: upload ? Number(upload[1]) : undefined,
    };
  });
}

interface WorkerFigures {
  server: number[];
  wall: number[];
  top10: Map<string, string>;
}

async function measure(dev: WranglerDev, queries: readonly string[]): Promise<WorkerFigures> {
  const figures: WorkerFigures = { server: [], wall: [], top10: new Map() };
  await timedGet(`${dev.origin}/api/health`);
  for (const q of queries) {
    const url = `${dev.origin}/api/search?q=${encodeURIComponent(q)}`;
    const timed = await timedGet(url);
    if (timed.status !== 200 || timed.serverMs === undefined) throw new Error(`${url} answered ${timed.status}`);
    figures.server.push(timed.serverMs);
    figures.wall.push(timed.ms);
  }
  // The answers themselves, after the timed pass (the edge cache answers these).
  for (const q of queries) {
    const body = (await (await fetch(`${dev.origin}/api/search?q=${encodeURIComponent(q)}`)).json()) as {
      hits: { id: string }[];
      total: number;
      partial?: boolean;
    };
    figures.top10.set(q, JSON.stringify([body.total, body.partial ?? false, body.hits.map((hit) => hit.id)]));
  }
  return figures;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  try {
    ROOT = `${snapshot(join(work, 'snapshot'))}/`;
    const corpus = join(work, 'corpus');
    mkdirSync(corpus, { recursive: true });
    const { articles } = readSubset(size);
    writeFileSync(join(corpus, 'articles.jsonl'), `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const queries = [...new Set(titleQueries(articles, Number(values.queries), 42))];
    const queriesFile = join(work, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(queries));

    log(`building ${articles.length} articles as one Worker`);
    const singleOut = join(work, 'single');
    const singleBuildMs = build(corpus, join(singleOut, 'index-data.js'), 1);
    log(`building ${articles.length} articles as ${shardCount} shards`);
    const shardedOut = join(work, 'sharded');
    const shardedBuildMs = build(corpus, join(shardedOut, 'index-data.js'), shardCount);
    log('per-shard loads, startup, bundles');
    const shards = shardFigures(shardedOut, queriesFile);

    log('single Worker under wrangler dev');
    const copy = workerCopy(join(work, 'worker'), singleOut, ROOT);
    let dev = await startWranglerDev({ port, cwd: copy, readyTimeoutMs: 180_000 });
    let single: WorkerFigures;
    try {
      single = await measure(dev, queries);
    } finally {
      await dev.stop();
    }
    log(`${shardCount} shards and the public Worker under wrangler dev`);
    dev = await startWranglerDev({
      port: port + 1,
      cwd: ROOT,
      configs: devOrder(unlimitedPublicConfig(readWorkerSet(join(shardedOut, 'workers.json')).configs, 'public-bench')),
      readyTimeoutMs: 300_000,
    });
    let sharded: WorkerFigures;
    try {
      sharded = await measure(dev, queries);
    } finally {
      await dev.stop();
    }
    const identical = queries.filter((q) => single.top10.get(q) === sharded.top10.get(q)).length;
    const section = render({ articles: articles.length, queries, shards, single, sharded, identical, singleBuildMs, shardedBuildMs });
    console.log(section);
    if (values.write) writeSection(new URL('./RESULTS.md', import.meta.url), 'sharded', section);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Report {
  articles: number;
  queries: readonly string[];
  shards: ShardFigures[];
  single: WorkerFigures;
  sharded: WorkerFigures;
  identical: number;
  singleBuildMs: number;
  shardedBuildMs: number;
}

function render(r: Report): string {
  const lines: string[] = [];
  const ratio = percentile(r.sharded.server, 95) / percentile(r.single.server, 95);
  lines.push('## Sharding');
  lines.push('');
  lines.push(
    `Run ${new Date().toISOString().slice(0, 16)}Z by \`npm run bench:sharded -- --size ${size} --shards ${shardCount}\`, Node ${process.version}: ` +
      `${r.articles.toLocaleString('en')} SaudiNewsNet articles built once as one Worker (${(r.singleBuildMs / 1000).toFixed(0)} s) and once as ${shardCount} shards ` +
      `(${(r.shardedBuildMs / 1000).toFixed(0)} s), both served by \`wrangler dev\` on this machine (the sharded set as one dev session, service bindings local). ` +
      `${r.queries.length} title queries, each once; Server-Timing has whole milliseconds in workerd. The machine has 2 shared cores: the shards and the public Worker share them too.`,
  );
  lines.push('');
  lines.push('| Worker | articles | file | bundle (dry run) | Node load | heap + buffer | loads under 128 MB heap | startup CPU (`wrangler check startup`) |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const s of r.shards) {
    const memory = Number.isNaN(s.heapMb) ? '–' : `${s.heapMb.toFixed(1)} + ${s.buffersMb.toFixed(1)} = ${(s.heapMb + s.buffersMb).toFixed(1)} MB`;
    lines.push(
      `| ${s.name} | ${s.articles.toLocaleString('en')} | ${MiB(s.fileBytes)} MiB | ${s.bundleKiB === undefined ? '–' : `${(s.bundleKiB / 1024).toFixed(1)} MiB`} | ` +
        `${Number.isNaN(s.loadMs) ? '–' : `${fmt(s.loadMs)} ms`} | ${memory} | ${s.fitsHeapCap ? 'yes' : '**no**'} | ${s.startupMs === undefined ? '–' : `${fmt(s.startupMs)} ms`} |`,
    );
  }
  lines.push('');
  lines.push('| Served as | search p50 / p95 / p99 (Server-Timing) | wall p50 / p95 / p99 (client) |');
  lines.push('|---|---|---|');
  lines.push(`| one Worker | ${q3(r.single.server)} ms | ${q3(r.single.wall)} ms |`);
  lines.push(`| public Worker + ${shardCount} shards | ${q3(r.sharded.server)} ms | ${q3(r.sharded.wall)} ms |`);
  lines.push('');
  lines.push(
    `Sharded p95 / single p95 = ${ratio.toFixed(2)} (target ≤ 2, and ≤ 25 ms). Identical answers (total, partial flag, top-10 ids in order): ` +
      `**${r.identical} of ${r.queries.length}** queries. The equality is also a test: tests/build/sharded-ranking.test.ts (300 queries, Node) and ` +
      'tests/build/sharded-workers.test.ts (300 queries through `wrangler dev`).',
  );
  return lines.join('\n');
}

await main();
