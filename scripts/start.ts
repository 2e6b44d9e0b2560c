/**
 * npm start (after build-index and build-widget): `wrangler dev` on the embedded corpus, with
 * every Worker of the build: one, or the public Worker and its shards in one dev session
 * (their service bindings connect locally).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { devConfigArgs, readWorkerSet, ROOT } from './worker-set.ts';

const { shards, configs } = readWorkerSet();
const port = process.env['PORT'] ?? '8787';
if (shards > 1) console.log(`start: ${shards} shard Workers and the public Worker`);
const child = spawn(join(ROOT, 'node_modules/.bin/wrangler'), ['dev', '--ip', '127.0.0.1', '--port', port, ...devConfigArgs(configs)], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
