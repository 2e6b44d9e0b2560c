/**
 * The Worker under wrangler (workerd), for the scale bench: a throw-away copy of the Worker
 * with another build's index, its bundle size from `wrangler deploy --dry-run`, and timed
 * requests against `wrangler dev` (scripts/wrangler-dev.ts starts it).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };

/** A copy of the Worker (src/, wrangler.toml, from `root`) whose src/generated/ holds the given build. */
export function workerCopy(dir: string, buildOut: string, root: string = ROOT): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true, filter: (path) => !path.includes('/src/generated/index-data.') });
  for (const file of ['index-data.js', 'index-data.bin']) cpSync(join(buildOut, file), join(dir, 'src/generated', file));
  // Without the rate limiter: the bench sends hundreds of queries from one address.
  const config = readFileSync(join(root, 'wrangler.toml'), 'utf8').replace(/\[\[ratelimits\]\][^[]*/g, '');
  writeFileSync(join(dir, 'wrangler.toml'), config);
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * A copy of the code the bench runs (Worker, build, bench), so that edits made to the checkout
 * while the bench runs cannot mix two versions (an index built by one analyzer, served by another).
 */
export function snapshot(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'build-index', 'bench', 'package.json', 'wrangler.toml']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (path) => !path.includes('/bench/out') });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * A sharded set's configurations (deploy order, public last) with the public Worker's replaced by a
 * copy named `name` that has no rate limiter (a bench or test is one client sending hundreds of
 * requests), changed further by `rewrite`.
 */
export function unlimitedPublicConfig(
  configs: readonly string[],
  name: string,
  rewrite: (config: Record<string, unknown>) => void = () => undefined,
): string[] {
  const publicConfig = configs[configs.length - 1]!;
  const config = JSON.parse(readFileSync(publicConfig, 'utf8')) as Record<string, unknown>;
  delete config['ratelimits'];
  rewrite(config);
  const path = join(dirname(publicConfig), `${name}.json`);
  writeFileSync(path, JSON.stringify(config));
  return [...configs.slice(0, -1), path];
}

/** A Worker that answers "ok" at once: what a cold start costs without our index. */
export function emptyWorker(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/index.js'), 'export default { fetch: () => new Response(\'{"status":"ok"}\') };\n');
  writeFileSync(join(dir, 'wrangler.toml'), 'name = "empty"\nmain = "src/index.js"\ncompatibility_date = "2026-11-01"\n');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export interface BundleSize {
  totalKiB: number;
  gzipKiB: number;
}

/** `wrangler deploy --dry-run`: what would be uploaded. */
export function bundleSize(dir: string): BundleSize | undefined {
  const run = spawnSync(WRANGLER, ['deploy', '--dry-run', '--outdir', join(dir, '.dry-run')], { cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 1 << 24 });
  const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(`${run.stdout}${run.stderr}`);
  return match ? { totalKiB: Number(match[1]), gzipKiB: Number(match[2]) } : undefined;
}

export interface Timed {
  ms: number;
  status: number;
  /** The `dur` of the Server-Timing header, when there is one. */
  serverMs?: number;
}

export async function timedGet(url: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const timing = /dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '');
  return { ms, status: response.status, ...(timing ? { serverMs: Number(timing[1]) } : {}) };
}
