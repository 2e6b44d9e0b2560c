/**
 * The one `wrangler dev` launcher of the tests and benches: starts it as a child process in its
 * own process group (stopping the group stops the workerd it spawned too), with a fresh local
 * state directory, and resolves once the Worker answers /api/health with 2xx (or with any JSON,
 * for a set meant to be degraded), or once wrangler says it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './worker-set.ts';

const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

export interface WranglerDevOptions {
  /** Default: a port free on 127.0.0.1 when wrangler starts (test files run in parallel: fixed ports collided). */
  port?: number;
  /** Where wrangler runs and finds wrangler.toml when `configs` is empty. Default: the repository. */
  cwd?: string;
  /** Wrangler configurations run as one dev session; the first gets the requests. Default: none (cwd's wrangler.toml). */
  configs?: readonly string[];
  /** The DevTools inspector's port. Default: a free one, as for `port`. */
  inspectorPort?: number;
  /** How long to wait for the first answer. Default: 60 s (bundling and workerd's start on a busy 2-core machine). */
  readyTimeoutMs?: number;
  /**
   * `ok` (the default): /api/health answered 2xx; a sharded set answers 503 until every shard is
   * up, and wrangler may still restart the runtime meanwhile. `answer`: any JSON answer, for a set
   * that is meant to be degraded. `ready-line`: wrangler printed "Ready on", no request sent yet,
   * for a bench that times the first request itself.
   */
  until?: 'ok' | 'answer' | 'ready-line';
  /** A state directory kept across runs (the live store's SQLite files). Default: a fresh one, removed on stop. */
  persistTo?: string;
  /** `--var` bindings, e.g. the publishing token (wrangler dev reads .dev.vars otherwise). */
  vars?: Readonly<Record<string, string>>;
  /** `--log-level` (`ready-line` needs the line: `info` or `log`). Default: wrangler's (`log`). */
  logLevel?: 'debug' | 'info' | 'log' | 'warn' | 'error' | 'none';
}

export interface WranglerDev {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** From the spawn to wrangler's "Ready on" line (to the first answer when that line is not logged). */
  readyMs: number;
  /** The last lines wrangler and workerd printed. */
  output(): string;
  /** Signals the process group at once; resolves when wrangler has exited and the state is removed. */
  stop(): Promise<void>;
  /** kill -9 of wrangler and workerd, no shutdown of any kind; a `persistTo` state stays. */
  crash(): Promise<void>;
}

const KEEP_OUTPUT = 16_000;
const POLL_MS = 100;

/** A port nothing listens on now: the system's pick for a listener on port 0, closed again. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port was given'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startWranglerDev(options: WranglerDevOptions = {}): Promise<WranglerDev> {
  const { cwd = ROOT, configs = [], readyTimeoutMs = 60_000, logLevel, until = 'ok', persistTo, vars = {} } = options;
  const port = options.port ?? (await freePort());
  const inspectorPort = options.inspectorPort ?? (await freePort());
  // A fresh state directory: the local edge cache persists, and an answer cached by an earlier
  // run (another build over the same corpus) must not leak into this one.
  mkdirSync(join(ROOT, '.wrangler'), { recursive: true });
  const state = persistTo ?? mkdtempSync(join(ROOT, '.wrangler', `dev-state-${port}-`));
  const args = [WRANGLER, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false', '--persist-to', state];
  args.push('--inspector-port', String(inspectorPort));
  if (logLevel !== undefined) args.push('--log-level', logLevel);
  for (const config of configs) args.push('-c', config);
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  let output = '';
  let readyLineMs: number | undefined;
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEEP_OUTPUT);
    if (readyLineMs === undefined && /Ready on http/.test(output)) readyLineMs = performance.now() - started;
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
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
      // workerd may outlive wrangler by a moment.
      signalGroup('SIGKILL');
      if (persistTo === undefined) rmSync(state, { recursive: true, force: true });
    })();
    return stopping;
  };
  const crash = async (): Promise<void> => {
    signalGroup('SIGKILL');
    await exited(child);
  };

  /** The Worker answered /api/health with JSON (2xx for `ok`); anything else is wrangler's own page. */
  const answered = async (): Promise<boolean> => {
    try {
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      return /json/.test(response.headers.get('Content-Type') ?? '') && (until === 'answer' || response.ok);
    } catch {
      return false; // Not listening yet.
    }
  };
  const waitingFor = until === 'ready-line' ? 'print "Ready on"' : `answer ${origin}/api/health${until === 'ok' ? ' with 2xx' : ''}`;
  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
      if (until === 'ready-line' ? readyLineMs !== undefined : await answered()) break;
      if (Date.now() > deadline) throw new Error(`wrangler dev did not ${waitingFor} within ${readyTimeoutMs} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, readyMs: readyLineMs ?? performance.now() - started, output: () => output, stop, crash };
}
