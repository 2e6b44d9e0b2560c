/**
 * Starts `wrangler dev` as a child process on a fixed local port and waits until the Worker
 * answers /api/health. The process gets its own process group so that stopping it also stops
 * the workerd it spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRANGLER = fileURLToPath(new URL('../../../node_modules/wrangler/bin/wrangler.js', import.meta.url));
/** Cold start on a busy 2-core machine: bundling plus workerd start take a few seconds. */
const READY_TIMEOUT_MS = 60_000;

export interface DevServerOptions {
  port: number;
  inspectorPort: number;
  /** A wrangler config other than the repository's (the XSS corpus uses a copy of src/). */
  config?: string;
  /** State directory kept across runs (the live store's SQLite files); default a fresh one, removed on stop. */
  persistTo?: string;
  /** `--var` bindings, e.g. the publishing token (wrangler dev reads .dev.vars otherwise). */
  vars?: Record<string, string>;
}

export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
  /** kill -9 of wrangler and workerd, no shutdown of any kind; the persisted state stays. */
  crash(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function waitForHealth(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not answer ${origin}/api/health within ${READY_TIMEOUT_MS} ms:\n${log()}`);
}

export async function startWranglerDev({ port, inspectorPort, config, persistTo, vars = {} }: DevServerOptions): Promise<DevServer> {
  // A fresh state directory: the local edge cache persists, and an answer cached by an earlier
  // run (another build of the engine over the same corpus) must not leak into this one.
  // .wrangler/ does not exist yet in a fresh clone.
  await mkdir(join(ROOT, '.wrangler'), { recursive: true });
  const state = persistTo ?? (await mkdtemp(join(ROOT, '.wrangler', `e2e-state-${port}-`)));
  const args = [WRANGLER, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', '--persist-to', state];
  if (config) args.push('--config', config);
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The whole group is gone already.
    }
  };
  const stop = async (): Promise<void> => {
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
    // workerd may outlive wrangler by a moment.
    signalGroup('SIGKILL');
    if (persistTo === undefined) await rm(state, { recursive: true, force: true });
  };
  const crash = async (): Promise<void> => {
    signalGroup('SIGKILL');
    await exited(child);
  };
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop, crash };
}
