/**
 * The live store under `wrangler dev` (workerd, SQLite on disk): an acknowledged write survives
 * kill -9 of the whole dev server, and concurrent writers end in the state their acknowledged
 * writes give in the store's order (the Live-Sequence of each answer), with no 5xx; and the
 * editor's and operator's commands (npm run publish / retract, build-index --live) work against it.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/lib/scale-corpus.ts';
import { startWranglerDev, type WranglerDev } from '../../scripts/wrangler-dev.ts';
import { ROOT } from '../../scripts/worker-set.ts';
import { openWithAnalyzer } from '../../src/search/read-index.ts';

const TOKEN = 'e2e-live-token';
const WRITE = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

let dir: string;
let state: string;
let config: string;
let server: WranglerDev | undefined;

/** wrangler.toml with budgets no run reaches (this test is one client sending thousands of writes). */
async function writeConfig(): Promise<string> {
  const toml = parse(await readFile(join(ROOT, 'wrangler.toml'), 'utf8')) as Record<string, unknown> & { ratelimits: { simple: { limit: number } }[] };
  toml['main'] = '../../src/index.ts';
  for (const limiter of toml.ratelimits) limiter.simple.limit = 1_000_000;
  const path = join(dir, 'wrangler.toml');
  await writeFile(path, stringify(toml));
  return path;
}

const start = (): Promise<WranglerDev> => startWranglerDev({ configs: [config], persistTo: state, vars: { PUBLISH_TOKEN: TOKEN } });

function article(id: string, version: string) {
  return { title: `نسخة ${version} من الخبر ${id}`, body: `نص الخبر ${id} في نسخته ${version} عن مدينة ريفالتا.`, date: '2026-11-30' };
}

beforeAll(async () => {
  await mkdir(join(ROOT, '.wrangler'), { recursive: true });
  dir = await mkdtemp(join(ROOT, '.wrangler', 'e2e-live-'));
  state = join(dir, 'state');
  config = await writeConfig();
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('live store under wrangler dev', () => {
  it('keeps every acknowledged write through kill -9 and a restart on the same state', async () => {
    server = await start();
    const { origin } = server;
    const acknowledged = new Map<string, string | null>();
    for (let i = 0; i < 40; i++) {
      const id = `crash-${i}`;
      const response = await fetch(`${origin}/api/articles/${id}`, { method: 'PUT', headers: WRITE, body: JSON.stringify(article(id, 'v1')) });
      expect(response.status).toBe(201);
      acknowledged.set(id, article(id, 'v1').title);
    }
    const bulk = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `crash-bulk-${i}`, ...article(`crash-bulk-${i}`, 'v1') })).join('\n');
    const report = await fetch(`${origin}/api/articles`, { method: 'POST', headers: { ...WRITE, 'Content-Type': 'application/x-ndjson' }, body: bulk });
    expect(report.status).toBe(200);
    for (let i = 0; i < 300; i++) acknowledged.set(`crash-bulk-${i}`, article(`crash-bulk-${i}`, 'v1').title);
    for (let i = 0; i < 10; i++) {
      expect((await fetch(`${origin}/api/articles/crash-${i}`, { method: 'DELETE', headers: WRITE })).status).toBe(204);
      acknowledged.set(`crash-${i}`, null);
    }
    // The last write is acknowledged; the process group dies at once, no shutdown of any kind.
    const last = await fetch(`${origin}/api/articles/crash-last`, { method: 'PUT', headers: WRITE, body: JSON.stringify(article('crash-last', 'v1')) });
    expect(last.status).toBe(201);
    acknowledged.set('crash-last', article('crash-last', 'v1').title);
    await server.crash();

    server = await start();
    for (const [id, title] of acknowledged) {
      const response = await fetch(`${server.origin}/api/articles/${id}`);
      expect(response.status, id).toBe(title === null ? 404 : 200);
      if (title !== null) expect(((await response.json()) as { title: string }).title).toBe(title);
      else await response.body?.cancel();
    }
  }, 180_000);

  it('ends 8 concurrent writers (2,000 upserts, 200 deletes, searches between) in the state of their acknowledged writes in store order', async () => {
    server ??= await start();
    const { origin } = server;
    const ids = Array.from({ length: 250 }, (_, i) => `race-${i}`);
    const acknowledged: { sequence: number; id: string; title: string | null }[] = [];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const writer = async (w: number): Promise<void> => {
      const random = seededRandom(100 + w);
      for (let n = 0; n < 275; n++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        if (n % 11 === 10) {
          const response = await fetch(`${origin}/api/articles/${id}`, { method: 'DELETE', headers: WRITE });
          count(response.status);
          if (response.status === 204) acknowledged.push({ sequence: Number(response.headers.get('Live-Sequence')), id, title: null });
        } else {
          const body = article(id, `w${w}-n${n}`);
          const response = await fetch(`${origin}/api/articles/${id}`, { method: 'PUT', headers: WRITE, body: JSON.stringify(body) });
          count(response.status);
          await response.body?.cancel();
          if (response.status === 200 || response.status === 201)
            acknowledged.push({ sequence: Number(response.headers.get('Live-Sequence')), id, title: body.title });
        }
        if (n % 5 === 0) {
          const search = await fetch(`${origin}/api/search?q=${encodeURIComponent('ريفالتا')}&limit=5`);
          count(search.status);
          await search.body?.cancel();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(acknowledged.filter((write) => write.title !== null).length).toBe(8 * 250);

    // Replay in store order: a repeated retraction has the sequence of the one before it and changes nothing.
    const expected = new Map<string, string | null>();
    for (const write of [...acknowledged].sort((a, b) => a.sequence - b.sequence)) expected.set(write.id, write.title);
    const sequences = acknowledged.filter((write) => write.title !== null).map((write) => write.sequence);
    expect(new Set(sequences).size).toBe(sequences.length);
    for (const [id, title] of expected) {
      const response = await fetch(`${origin}/api/articles/${id}`);
      expect(response.status, id).toBe(title === null ? 404 : 200);
      if (title !== null) expect(((await response.json()) as { title: string }).title, id).toBe(title);
      else await response.body?.cancel();
    }
  }, 300_000);

  it("publishes a Markdown file and retracts an id with the editor's scripts, and build-index --live folds both in", async () => {
    server ??= await start();
    const { origin } = server;
    const tools = { ...process.env, PUBLISH_TOKEN: TOKEN, NO_COLOR: '1' };
    const file = join(dir, 'editor-quake.md');
    await writeFile(
      file,
      '---\ntitle: "زلزال في جزيرة سيرانوفا الخيالية"\ndate: 2026-12-01\nsource: وكالة الاختبار\n---\n\nضرب زلزال جزيرة سيرانوفا فجر اليوم دون أضرار.\n',
    );
    const published = spawnSync(process.execPath, ['scripts/publish.ts', file, '--endpoint', origin], { cwd: ROOT, env: tools, encoding: 'utf8' });
    expect(published.status, published.stderr).toBe(0);
    const found = (await (await fetch(`${origin}/api/search?q=${encodeURIComponent('سيرانوفا')}`)).json()) as { hits: { id: string }[] };
    expect(found.hits.map((hit) => hit.id)).toEqual(['editor-quake']);

    const seed = (await (await fetch(`${origin}/api/search?q=${encodeURIComponent('ترامب')}&limit=1`)).json()) as { hits: { id: string }[] };
    const retracted = seed.hits[0]!.id;
    const retraction = spawnSync(process.execPath, ['scripts/retract.ts', retracted, '--endpoint', origin], { cwd: ROOT, env: tools, encoding: 'utf8' });
    expect(retraction.status, retraction.stderr).toBe(0);
    expect((await fetch(`${origin}/api/articles/${retracted}`)).status).toBe(404);
    const unknown = spawnSync(process.execPath, ['scripts/retract.ts', 'never-published', '--endpoint', origin], { cwd: ROOT, env: tools, encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('never-published');

    const out = join(dir, 'folded', 'index-data.js');
    const build = spawnSync(process.execPath, ['build-index/cli.ts', '--out', out, '--live', origin], { cwd: ROOT, env: tools, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const { index } = openWithAnalyzer(await readFile(join(dir, 'folded', 'index-data.bin')));
    expect(index.articles.get('editor-quake')?.title).toBe('زلزال في جزيرة سيرانوفا الخيالية');
    expect(index.articles.get(retracted)).toBeUndefined();
  }, 180_000);
});
