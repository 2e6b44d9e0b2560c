/**
 * npm start [-- <build-index options>]: builds the index (forwarding options such as
 * `--shards 2` or `--corpus dir`) and the widget, then runs `wrangler dev` with every Worker of
 * the build: one, or the public Worker and its shards in one dev session (their service
 * bindings connect locally).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { devConfigArgs, readWorkerSet, ROOT } from './worker-set.ts';

for (const step of [['build-index/cli.ts', ...process.argv.slice(2)], ['scripts/build-widget.ts']]) {
  const run = spawnSync(process.execPath, [join(ROOT, step[0]!), ...step.slice(1)], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const { shards, configs } = readWorkerSet();
const port = process.env['PORT'] ?? '8787';
if (shards > 1) console.log(`start: ${shards} shard Workers and the public Worker`);
const child = spawn(join(ROOT, 'node_modules/.bin/wrangler'), ['dev', '--ip', '127.0.0.1', '--port', port, ...devConfigArgs(configs)], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
