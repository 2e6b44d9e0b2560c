/**
 * npm run build-index -- [--corpus corpus/] [--out src/generated/index-data.js] [--skip-invalid] [--ignore-limits]
 *
 * Validates the corpus, builds the index and writes the module the Worker imports. Refused
 * articles are listed on stderr as `file:line: field: reason`; by default any of them fails
 * the build (exit 1) and the previous index is left untouched. So does an index that would not
 * fit a Worker (build-index/check-limits.ts), unless --ignore-limits.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildIndexData, renderModule } from './build-index-data.ts';
import { estimateLimits, limitMessage, limitProblems, WORKER_LIMITS } from './check-limits.ts';
import { formatProblem } from './problems.ts';
import { readCorpus } from './read-corpus.ts';
import { writeFilesAtomic, WriteError, type OutputFile } from './write-output.ts';

const USAGE = 'usage: npm run build-index -- [--corpus <dir>] [--out <file.js>] [--skip-invalid] [--ignore-limits]';
/** Progress is shown from this many articles on; small corpora build in a blink. */
const PROGRESS_FROM = 2000;

function parseCommandLine(): { corpus: string; out: string; skipInvalid: boolean; ignoreLimits: boolean } {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'corpus' },
        out: { type: 'string', default: 'src/generated/index-data.js' },
        'skip-invalid': { type: 'boolean', default: false },
        'ignore-limits': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return { corpus: values.corpus, out: values.out, skipInvalid: values['skip-invalid'], ignoreLimits: values['ignore-limits'] };
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
  const data = buildIndexData(corpus.articles, { builtAt: builtAt(), ...(large ? { onProgress: progress('indexed') } : {}) });
  const indexMs = performance.now() - indexStarted;

  // The compact file sits next to the module as <out>.bin; it is written first, so a module
  // never refers to a file that is not there yet.
  const blobPath = args.out.replace(/\.js$/, '') + '.bin';
  const module = renderModule(data, basename(blobPath));
  const limits = estimateLimits(data.blob, Buffer.byteLength(module));
  const overLimits = limitProblems(limits);
  if (overLimits.length > 0) {
    console.error(limitMessage(limits, overLimits));
    if (!args.ignoreLimits) return 1;
  }
  const writeStarted = performance.now();
  if (!(await writeOutputs([{ path: blobPath, content: data.blob }, { path: args.out, content: module }]))) return 1;
  const writeMs = performance.now() - writeStarted;

  const raw = Buffer.byteLength(module) + data.blob.length;
  const gzip = gzipSync(module).length + gzipSync(data.blob).length;
  const refused = corpus.problems.length > 0 ? ` (${corpus.problems.length} problem(s) above, skipped)` : '';
  console.log(
    [
      `build-index: ${args.corpus} → ${args.out} + ${basename(blobPath)}`,
      `  articles  ${data.manifest.articles.toLocaleString('en')} indexed from ${corpus.files} file(s)${refused}`,
      `  terms     ${data.manifest.terms.toLocaleString('en')}`,
      `  output    ${kB(raw)} raw, ${kB(gzip)} gzip`,
      `  limits    bundle ${mib(limits.bundleBytes)} of ${mib(WORKER_LIMITS.bundleBytes)}, memory ~${mib(limits.memoryBytes)} of ${mib(WORKER_LIMITS.memoryBytes)}, startup ~${limits.startupMs.toFixed(0)} ms of ${WORKER_LIMITS.startupMs} ms (estimates)`,
      `  corpus    ${data.manifest.corpusHash.slice(0, 16)}…, format ${data.manifest.formatVersion}, analyzer ${data.manifest.analyzerVersion}`,
      `  time      ${seconds(performance.now() - started)} (read ${seconds(readMs)}, index ${seconds(indexMs)}, write ${seconds(writeMs)})`,
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`build-index: failed: ${(error as Error).stack ?? String(error)}`);
    console.error('build-index: the previous index, if any, was left in place.');
    process.exit(1);
  },
);
