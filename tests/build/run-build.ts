/** Runs the real build CLI on a temporary corpus, as an operator would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
  dir: string;
}

/** A fresh temporary corpus with these files (name → content). */
export function makeCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(corpus, name), content);
  return dir;
}

export function runBuild(dir: string, extraArgs: string[] = [], env: Record<string, string> = {}): BuildRun {
  const out = join(dir, 'out', 'index-data.js');
  const result = spawnSync(process.execPath, [join(ROOT, 'build-index/cli.ts'), '--corpus', join(dir, 'corpus'), '--out', out, ...extraArgs], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, out, dir };
}

export function article(fields: Record<string, string>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
