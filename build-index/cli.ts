/**
 * npm run build-index -- [--corpus corpus/] [--out src/generated/index-data.js] [--shards auto|N] [--skip-invalid] [--ignore-limits] [--live <endpoint>]
 *
 * Validates the corpus, builds the index and writes the module the Worker imports. Refused
 * articles are listed on stderr as `file:line: field: reason`; by default any of them fails
 * the build (exit 1) and the previous index is left untouched. An index that would not fit one
 * Worker (build-index/check-limits.ts) is split across shard Workers (worker-set.ts) with
 * --shards auto, the default; --shards N forces N (1: one Worker, refused if it would not fit,
 * unless --ignore-limits). --live <endpoint> folds a running Worker's live set into the build
 * (live-export.ts), so the next deploy serves it from the embedded index.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { IndexManifest, StoredArticle } from '../src/search/index-format.ts';
import { buildIndexData, buildShardedIndexData, type BuildOptions } from './build-index-data.ts';
import {
  autoShardCount,
  estimateLimits,
  limitMessage,
  limitProblems,
  MAX_SHARDS,
  MAX_WORKERS_PER_REQUEST,
  tooManyShardsMessage,
  WORKER_LIMITS,
  type LimitEstimate,
} from './check-limits.ts';
import { formatProblem } from './problems.ts';
import { foldLiveSet } from './live-export.ts';
import { readCorpus } from './read-corpus.ts';
import { shardedWorkerOutputs, shardName, singleWorkerOutputs } from './worker-set.ts';
import { writeFilesAtomic, WriteError, type OutputFile } from './write-output.ts';

const USAGE = 'usage: npm run build-index -- [--corpus <dir>] [--out <file.js>] [--shards auto|<n>] [--skip-invalid] [--ignore-limits] [--live <endpoint>]';
/** Progress is shown from this many articles on; small corpora build in a blink. */
const PROGRESS_FROM = 2000;

interface CommandLine {
  corpus: string;
  out: string;
  /** 'auto', or a forced count (1 = one Worker). */
  shards: 'auto' | number;
  skipInvalid: boolean;
  ignoreLimits: boolean;
  /** A running Worker whose live set is folded in (token: PUBLISH_TOKEN). */
  live: string | undefined;
}

function parseShards(value: string): 'auto' | number {
  if (value === 'auto') return 'auto';
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > MAX_SHARDS) {
    throw new Error(
      `--shards must be auto or a whole number from 1 to ${MAX_SHARDS} (a request may invoke at most ${MAX_WORKERS_PER_REQUEST} Workers: the public one and ${MAX_SHARDS} shards), not ${JSON.stringify(value)}`,
    );
  }
  return count;
}

function parseCommandLine(): CommandLine {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'corpus' },
        out: { type: 'string', default: 'src/generated/index-data.js' },
        shards: { type: 'string', default: 'auto' },
        'skip-invalid': { type: 'boolean', default: false },
        'ignore-limits': { type: 'boolean', default: false },
        live: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (values.live !== undefined && !/^https?:\/\/[^\s/]+/.test(values.live))
      throw new Error(`--live must be the Worker's http(s) origin, not ${JSON.stringify(values.live)}`);
    return {
      corpus: values.corpus,
      out: values.out,
      shards: parseShards(values.shards),
      skipInvalid: values['skip-invalid'],
      ignoreLimits: values['ignore-limits'],
      live: values.live,
    };
  } catch (error) {
    console.error(`build-index: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function builtAt(): string {
  // Reproducible builds: SOURCE_DATE_EPOCH (seconds) pins the timestamp.
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return new Date(epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now()).toISOString();
}

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function progress(stage: string): (count: number) => void {
  return (count) => {
    if (count % 1000 === 0) process.stderr.write(`build-index: ${stage} ${count.toLocaleString('en')} articles\n`);
  };
}

/** Writes the index files together; a failure (a full disk, a folder in the way) is one line on stderr. */
async function writeOutputs(files: readonly OutputFile[]): Promise<boolean> {
  try {
    await writeFilesAtomic(files);
    return true;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    const outcome = error.phase === 'write' ? 'the previous index was left in place' : 'the output is incomplete; clear the way and rebuild';
    console.error(`build-index: ${error.message}; ${outcome}.`);
    return false;
  }
}

async function main(): Promise<number> {
  const args = parseCommandLine();
  const started = performance.now();

  const corpus = await readCorpus(args.corpus, progress('read'));
  let liveLine: string | undefined;
  if (args.live !== undefined) {
    try {
      const fold = await foldLiveSet(corpus.articles, args.live, process.env['PUBLISH_TOKEN']);
      corpus.articles = fold.articles;
      corpus.problems.push(...fold.problems);
      liveLine = `  live      ${fold.upserts} article(s) and ${fold.retractions} retraction(s) folded in from ${args.live} (live sequence ${fold.sequence})`;
    } catch (error) {
      console.error(`build-index: --live: ${(error as Error).message}; nothing was written.`);
      return 1;
    }
  }
  const readMs = performance.now() - started;
  for (const warning of corpus.warnings) console.error(`warning: ${formatProblem(warning)}`);
  for (const problem of corpus.problems) console.error(formatProblem(problem));

  if (corpus.problems.length > 0 && !args.skipInvalid) {
    console.error(
      `build-index: ${corpus.problems.length} problem(s) in ${args.corpus}; nothing was written. ` +
        'Fix them, or rerun with --skip-invalid to build without the refused articles.',
    );
    return 1;
  }
  if (corpus.articles.length === 0) {
    console.error(`build-index: no valid article in ${args.corpus}; nothing was written.`);
    return 1;
  }

  const indexStarted = performance.now();
  const large = corpus.articles.length >= PROGRESS_FROM;
  const buildOptions = { builtAt: builtAt(), ...(large ? { onProgress: progress('indexed') } : {}) };
  const plan = planBuild(corpus.articles, args, buildOptions);
  if (plan === undefined) return 1;
  const indexMs = performance.now() - indexStarted;

  const writeStarted = performance.now();
  if (!(await writeOutputs(plan.files))) return 1;
  removeStaleShards(args.out, plan.shards);
  const writeMs = performance.now() - writeStarted;

  const raw = plan.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  const gzip = plan.files.reduce((sum, file) => sum + gzipSync(file.content).length, 0);
  const refused = corpus.problems.length > 0 ? ` (${corpus.problems.length} problem(s) above, skipped)` : '';
  console.log(
    [
      `build-index: ${args.corpus} → ${args.out} + ${plan.shards === 1 ? 'index-data.bin' : `${plan.shards} shard Workers`}`,
      `  articles  ${plan.manifest.articles.toLocaleString('en')} indexed from ${corpus.files} file(s)${refused}`,
      ...(liveLine === undefined ? [] : [liveLine]),
      `  terms     ${plan.manifest.terms.toLocaleString('en')}`,
      `  output    ${kB(raw)} raw, ${kB(gzip)} gzip`,
      ...plan.limits.map(
        ({ name, estimate }) =>
          `  limits    ${name}bundle ${mib(estimate.bundleBytes)} of ${mib(WORKER_LIMITS.bundleBytes)}, memory ~${mib(estimate.memoryBytes)} of ${mib(WORKER_LIMITS.memoryBytes)}, startup ~${estimate.startupMs.toFixed(0)} ms of ${WORKER_LIMITS.startupMs} ms (estimates)`,
      ),
      ...(plan.shards > 1
        ? [
            `  workers   ${plan.shards} shards and a public Worker: npm start runs them, npm run deploy deploys them (${join(dirname(args.out), 'workers.json')})`,
          ]
        : []),
      `  corpus    ${plan.manifest.corpusHash.slice(0, 16)}…, format ${plan.manifest.formatVersion}, analyzer ${plan.manifest.analyzerVersion}`,
      `  time      ${seconds(performance.now() - started)} (read ${seconds(readMs)}, index ${seconds(indexMs)}, write ${seconds(writeMs)})`,
    ].join('\n'),
  );
  return 0;
}

interface BuildPlan {
  shards: number;
  manifest: IndexManifest;
  files: OutputFile[];
  limits: { name: string; estimate: LimitEstimate }[];
}

/** One Worker when it fits (or is forced), else shards; undefined (reported) when the result would not fit. */
function planBuild(articles: readonly StoredArticle[], args: CommandLine, options: BuildOptions): BuildPlan | undefined {
  let count = args.shards === 'auto' ? 1 : args.shards;
  /** The index as one Worker (auto only): what the refusal of too many shards reports. */
  let single: LimitEstimate | undefined;
  if (count === 1) {
    const data = buildIndexData(articles, options);
    const files = singleWorkerOutputs(data, args.out);
    const estimate = estimateLimits(data.blob, Buffer.byteLength(files[1]!.content));
    single = estimate;
    const problems = limitProblems(estimate);
    const fits = problems.length === 0;
    if (fits || args.shards === 1) {
      if (!fits) console.error(limitMessage(estimate, problems));
      if (!fits && !args.ignoreLimits) return undefined;
      return { shards: 1, manifest: data.manifest, files, limits: [{ name: '', estimate }] };
    }
    // Shards that fit with room: the split is by text, and each shard keeps fixed costs.
    count = autoShardCount(estimate);
    if (count > MAX_SHARDS) {
      console.error(tooManyShardsMessage(count, estimate));
      return undefined;
    }
    console.error(`build-index: the index would not fit one Worker (${problems.join('; ')}); splitting it into ${count} shards.`);
  }
  for (;;) {
    if (articles.length < count) {
      console.error(`build-index: ${articles.length} article(s) cannot fill ${count} shards; use fewer (--shards).`);
      return undefined;
    }
    const data = buildShardedIndexData(articles, count, options);
    const files = shardedWorkerOutputs(data, args.out);
    const limits = data.shards.map((shard, index) => ({ name: `${shardName(index)}: `, estimate: estimateLimits(shard.blob, 200) }));
    limits.push({ name: 'public: ', estimate: estimateLimits(data.router.blob, 200) });
    const over = limits.filter(({ estimate }) => limitProblems(estimate).length > 0);
    if (over.length === 0 || args.ignoreLimits) return { shards: count, manifest: data.router.manifest, files, limits };
    if (args.shards !== 'auto') {
      for (const { name, estimate } of over) console.error(`${name}${limitMessage(estimate, limitProblems(estimate))}`);
      return undefined;
    }
    if (count >= MAX_SHARDS && single !== undefined) {
      console.error(tooManyShardsMessage(count + 1, single));
      return undefined;
    }
    count++;
    console.error(`build-index: ${over.map(({ name }) => name.slice(0, -2)).join(', ')} would not fit; trying ${count} shards.`);
  }
}

/** A build with fewer shards than the last leaves no shard folder or configuration of the old one. */
function removeStaleShards(out: string, shards: number): void {
  const dir = dirname(out);
  for (const entry of readdirSync(dir)) {
    const match = /^shard-(\d+)$/.exec(entry);
    if (match !== null && Number(match[1]) >= (shards === 1 ? 0 : shards)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  if (shards === 1) {
    rmSync(join(dir, 'wrangler'), { recursive: true, force: true });
    rmSync(join(dir, 'public-worker.js'), { force: true });
  } else {
    for (const entry of existsSync(join(dir, 'wrangler')) ? readdirSync(join(dir, 'wrangler')) : []) {
      const match = /^shard-(\d+)\.json$/.exec(entry);
      if (match !== null && Number(match[1]) >= shards) rmSync(join(dir, 'wrangler', entry), { force: true });
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`build-index: failed: ${(error as Error).stack ?? String(error)}`);
    console.error('build-index: the previous index, if any, was left in place.');
    process.exit(1);
  },
);
