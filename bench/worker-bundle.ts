/**
 * What the Worker's code costs to ship and to start: bundles it as `npm run check` does
 * (`wrangler deploy --dry-run --outdir`), reports the bundled module raw and gzip (the index data
 * is a module of its own, reported apart), the bytes each package puts in it (esbuild's metafile),
 * and how long Node takes to import the module in a fresh process, median of --runs: that
 * evaluates all of it, index opening included, as a new isolate does.
 *
 *   node bench/worker-bundle.ts [--runs 9] [--config wrangler.toml]
 *
 * Run it on two commits to price a dependency (bench/RESULTS.md, "The parameter schema").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { percentile } from './lib/metrics.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, config: { type: 'string', default: 'wrangler.toml' } } });
const root = join(import.meta.dirname, '..');
const outdir = mkdtempSync(join(tmpdir(), 'worker-bundle-'));

const wrangler = spawnSync(
  join(root, 'node_modules/.bin/wrangler'),
  ['deploy', '-c', values.config, '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')],
  { cwd: root, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
if (wrangler.status !== 0) throw new Error(`wrangler failed:\n${wrangler.stdout}\n${wrangler.stderr}`);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const upload = /Total Upload:.*/.exec(wrangler.stdout)?.[0];
if (upload !== undefined) console.log(`wrangler       ${upload}`);
const module = readFileSync(join(outdir, 'index.js'));
console.log(`worker module  ${kib(module.length)} raw, ${kib(gzipSync(module, { level: 9 }).length)} gzip -9`);
for (const file of readdirSync(outdir).filter((name) => name.endsWith('.bin')))
  console.log(`index data     ${kib(statSync(join(outdir, file)).size)} (${file})`);

/** Bytes of the output by where they come from: each package of node_modules, the project's own files. */
const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
const byOrigin = new Map<string, number>();
for (const output of Object.values(meta.outputs)) {
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const origin = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? (input.includes('src/generated/') ? 'src/generated' : 'project');
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + bytesInOutput);
  }
}
console.log('worker module by origin (as wrangler bundles it: not minified)');
for (const [origin, bytes] of [...byOrigin].sort(([, a], [, b]) => b - a)) console.log(`  ${origin.padEnd(24)} ${kib(bytes)}`);

// Node stands in for workerd: the one workerd module is stubbed, the index data is read as wrangler's Data module gives it (an ArrayBuffer).
const timer = join(outdir, 'time-import.mjs');
writeFileSync(
  timer,
  `import { registerHooks } from 'node:module';
registerHooks({
  resolve: (specifier, context, next) => specifier === 'cloudflare:workers' ? { url: 'data:text/javascript,export class DurableObject {}', shortCircuit: true } : next(specifier, context),
  load: (url, context, next) => url.endsWith('.bin') ? { format: 'module', source: 'import { readFileSync } from "node:fs"; const b = readFileSync(new URL(import.meta.url)); export default b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);', shortCircuit: true } : next(url, context),
});
const started = performance.now();
await import('./index.js');
console.log(performance.now() - started);
`,
);
const times: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  const child = spawnSync(process.execPath, [timer], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`importing the bundle failed:\n${child.stderr}`);
  times.push(Number(child.stdout.trim().split('\n').at(-1)));
}
times.sort((a, b) => a - b);
console.log(
  `import         median ${percentile(times, 50).toFixed(1)} ms, min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)} (${times.length} fresh Node processes)`,
);
rmSync(outdir, { recursive: true, force: true });
