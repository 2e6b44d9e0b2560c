/**
 * npm run deploy [-- --dry-run]: deploys every Worker of the build in order: shard Workers
 * first, so the public Worker's service bindings find them, then the public Worker. Stops at
 * the first failure (the public Worker is never deployed against missing shards).
 * `npm run check` runs it with --dry-run: every configuration bundles and validates.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readWorkerSet, ROOT } from './worker-set.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, set: { type: 'string' } } });
const dryRun = values['dry-run'];
const { configs } = readWorkerSet(values.set);
const setDir = dirname(values.set ?? join(ROOT, 'src/generated/workers.json'));
for (const [i, config] of configs.entries()) {
  const name = relative(ROOT, config);
  console.log(`deploy: ${i + 1}/${configs.length} ${name}${dryRun ? ' (dry run)' : ''}`);
  const outdir = join(setDir, '.dry-run', String(i));
  const args = ['deploy', '-c', config, ...(dryRun ? ['--dry-run', '--outdir', outdir] : [])];
  const run = spawnSync(join(ROOT, 'node_modules/.bin/wrangler'), args, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`deploy: ${name} failed (exit ${run.status ?? run.signal}); the Workers after it were not deployed.`);
    process.exit(1);
  }
}
console.log(`deploy: ${configs.length} Worker(s) ${dryRun ? 'checked' : 'deployed'}.`);
