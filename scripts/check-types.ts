/**
 * npm run types:check: fails when worker-configuration.d.ts (Env, from `npm run types`) no longer
 * matches wrangler.toml, naming the command that regenerates it (wrangler's own message names
 * plain `wrangler types`, which writes another file than ours).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './worker-set.ts';

const run = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'types', '--include-runtime=false', '--strict-vars=false', '--check'],
  {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  },
);
if (run.status === 0) {
  console.log('types:check: worker-configuration.d.ts matches wrangler.toml');
} else {
  console.error(`${run.stdout}${run.stderr}`.trim());
  console.error('types:check: worker-configuration.d.ts does not match wrangler.toml: run `npm run types` and commit the file.');
  process.exit(1);
}
