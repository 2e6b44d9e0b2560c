/**
 * Builds an index from any corpus with the real build CLI, then bundles the Worker around it,
 * leaving src/generated/ (the index everyone else uses) alone: the Worker's import of
 * `../generated/index-data.js` is redirected to the temporary build.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface IndexBuild {
  /** The generated module (it imports its `.bin` file from the same folder). */
  module: string;
  stdout: string;
  stderr: string;
}

/** Runs `build-index` on `corpus` into `outDir`; throws with its stderr if it fails. */
export function buildIndex(corpus: string, outDir: string, extraArgs: string[] = []): IndexBuild {
  const module = join(outDir, 'index-data.js');
  const run = spawnSync(process.execPath, [join(ROOT, 'build-index/cli.ts'), '--corpus', corpus, '--out', module, ...extraArgs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`build-index failed (${run.status}):\n${run.stderr}`);
  return { module, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Node has no `cloudflare:workers`: the Worker entry exports the LiveStore Durable Object class,
 * which extends its DurableObject. A bundle run in Node gets a bare base class; it never runs the
 * store (no LIVE_STORE binding there, so the Worker serves the embedded index alone).
 */
const workersRuntime: Plugin = {
  name: 'cloudflare-workers-in-node',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^cloudflare:workers$/ }, () => ({ path: 'cloudflare:workers', namespace: 'workers-runtime' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'workers-runtime' }, () => ({
      contents: 'export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }',
      loader: 'js',
    }));
  },
};

function redirectIndex(module: string): Plugin {
  return {
    name: 'redirect-index',
    setup(esbuild) {
      esbuild.onResolve({ filter: /\/generated\/index-data\.js$/ }, () => ({ path: module }));
    },
  };
}

export interface BundleOptions {
  /** `inline`: the index file becomes bytes in the bundle (for Node); `external`: left as an import (for wrangler). */
  indexFile: 'inline' | 'external';
}

/** Bundles `src/<entry>` with the index at `module` into `outFile` (an ES module). */
export async function bundleWorker(entry: string, module: string, outFile: string, options: BundleOptions): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'src', entry)],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    logLevel: 'error',
    plugins: [redirectIndex(module), workersRuntime],
    ...(options.indexFile === 'inline' ? { loader: { '.bin': 'binary' } } : { external: ['*.bin'] }),
  });
}

/**
 * wrangler.toml for a bundled Worker under bench: the repository's compatibility date, the index
 * file as a Data module, and a rate limit no run reaches (every request comes from one address:
 * the limiter stays in the path, its cost measured, without answering 429 to everything).
 */
export function benchWranglerConfig(name: string, main = 'worker.js'): string {
  const compatibilityDate = /^compatibility_date = "([^"]+)"/m.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1];
  return [
    `name = "${name}"`,
    `main = "${main}"`,
    `compatibility_date = "${compatibilityDate}"`,
    '[vars]',
    'CORS_ALLOWED_ORIGINS = "*"',
    '[[rules]]',
    'type = "Data"',
    'globs = ["**/*.bin"]',
    '[[ratelimits]]',
    'name = "RATE_LIMITER"',
    'namespace_id = "1001"',
    'simple = { limit = 100000000, period = 60 }',
    '',
  ].join('\n');
}
