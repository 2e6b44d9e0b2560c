/**
 * The README's API section is run as written: every `curl` command of its first sh block, pasted
 * into sh against the started Worker (the README's origin swapped for the test's), must get a 2xx
 * JSON answer, so the examples cannot drift from the API.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWranglerDev, type WranglerDev } from '../../scripts/wrangler-dev.ts';
import { ROOT } from '../../scripts/worker-set.ts';

const README_ORIGIN = 'http://127.0.0.1:8787';

/** The commands of the first ```sh block under "## API", continuation lines joined, comments dropped. */
function apiCommands(readme: string): string[] {
  const section = /^## API\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## API" section');
  const block = /^```sh\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (block === undefined) throw new Error('the API section of README.md has no ```sh block');
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const commands = apiCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
let worker: WranglerDev;

beforeAll(async () => {
  worker = await startWranglerDev();
}, 90_000);

afterAll(async () => {
  await worker?.stop();
});

describe('README API examples', () => {
  it('lists the seven curl commands, each against the README origin', () => {
    expect(commands).toHaveLength(7);
    for (const command of commands) {
      expect(command).toMatch(/^curl /);
      expect(command).toContain(`${README_ORIGIN}/api/`);
    }
  });

  it.each(commands)('answers 2xx JSON to: %s', (command) => {
    const run = spawnSync('sh', ['-c', `${command.replaceAll(README_ORIGIN, worker.origin)} -sS -w '\\n%{http_code} %{content_type}'`], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const cut = run.stdout.lastIndexOf('\n');
    const [status, contentType] = run.stdout.slice(cut + 1).split(' ');
    const body = JSON.parse(run.stdout.slice(0, cut)) as { query?: string };
    expect({ status: Number(status) >= 200 && Number(status) < 300, contentType }, run.stdout.slice(0, 500)).toEqual({
      status: true,
      contentType: 'application/json',
    });
    // The query arrives as typed: spaces, quotes and Arabic percent-encoded by curl, decoded by the Worker.
    const q = /--data-urlencode '(?:q=)([^']*)'/.exec(command)?.[1];
    if (q !== undefined) expect(body.query).toBe(q);
  });
});
