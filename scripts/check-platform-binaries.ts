/**
 * npm run check:platforms [-- os-cpu …]: installs the lockfiles (the project's and the pinned Node
 * of scripts/node-runtime/) in a scratch copy for other platforms, `npm ci --os=… --cpu=…
 * --ignore-scripts`, and fails when node_modules holds a native executable or library built for
 * any platform other than the one asked for. Without arguments: darwin-arm64 and linux-arm64.
 * Each install is bounded by INSTALL_TIMEOUT_MS.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HEADER_BYTES, nativePlatforms } from './native-binary.ts';
import { ROOT } from './worker-set.ts';

const INSTALL_TIMEOUT_MS = 300_000;
const LOCKED_DIRS = ['.', 'scripts/node-runtime'];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function header(path: string): Uint8Array {
  const buffer = new Uint8Array(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function install(dir: string, os: string, cpu: string): void {
  const run = spawnSync('npm', ['ci', `--os=${os}`, `--cpu=${cpu}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (run.error) throw new Error(`check:platforms: npm ci --os=${os} --cpu=${cpu} in ${dir}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`check:platforms: npm ci --os=${os} --cpu=${cpu} in ${dir} exited with ${run.status}:\n${run.stderr}`);
}

/** Installs for `os`-`cpu` in a scratch copy; returns the foreign binaries and how many native ones it saw. */
function check(os: string, cpu: string): { foreign: string[]; native: number } {
  const scratch = mkdtempSync(join(tmpdir(), `platform-${os}-${cpu}-`));
  try {
    const foreign: string[] = [];
    let native = 0;
    for (const dir of LOCKED_DIRS) {
      mkdirSync(join(scratch, dir), { recursive: true });
      for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, dir, file), join(scratch, dir, file));
      install(join(scratch, dir), os, cpu);
      // npm makes no node_modules when nothing matches (no pinned Node for darwin-arm64).
      const installed = join(scratch, dir, 'node_modules');
      if (!existsSync(installed)) continue;
      for (const path of files(installed)) {
        const platforms = nativePlatforms(header(path));
        if (platforms.length === 0) continue;
        native++;
        if (!platforms.some((p) => p.os === os && p.cpu === cpu)) {
          foreign.push(`${relative(scratch, path)}: ${platforms.map((p) => `${p.os}-${p.cpu}`).join(', ')}`);
        }
      }
    }
    return { foreign, native };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const targets = process.argv.length > 2 ? process.argv.slice(2) : ['darwin-arm64', 'linux-arm64'];
let failed = false;
for (const target of targets) {
  const [os, cpu] = target.split('-');
  if (!os || !cpu) throw new Error(`check:platforms: "${target}" is not os-cpu (e.g. darwin-arm64)`);
  const started = Date.now();
  const { foreign, native } = check(os, cpu);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (native === 0) {
    console.error(
      `check:platforms: ${target}: no native binary at all in node_modules (workerd and esbuild ship one): the install did not pick ${target}'s packages`,
    );
    failed = true;
  } else if (foreign.length > 0) {
    console.error(`check:platforms: ${target}: ${foreign.length} native binaries for another platform:\n  ${foreign.join('\n  ')}`);
    failed = true;
  } else {
    console.log(`check:platforms: ${target}: ${native} native binaries, all ${target} (${seconds} s)`);
  }
}
process.exit(failed ? 1 : 0);
