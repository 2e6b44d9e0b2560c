/**
 * Fault injection on the corpus and the output: each broken input gets one precise
 * `file:line: field: reason` line and exit 1, and a failed build never touches the previous
 * good index.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, makeCorpus, ROOT, runBuild, type BuildRun } from './run-build.ts';

const good = article({ title: 'قمة بوتين وترامب', date: '2025-01-26', source: 'وكالة' }, 'التقى الرئيسان في هلسنكي.\n\nفقرة ثانية.');
const jsonl = (...records: object[]): string => records.map((record) => JSON.stringify(record)).join('\n') + '\n';
const record = (id: string, body = 'نص المقالة'): object => ({ id, title: `عنوان ${id}`, body });

/** The stderr lines that are problems (not the summary line). */
function problemLines(run: BuildRun): string[] {
  return run.stderr.split('\n').filter((line) => line.includes('corpus/'));
}

function expectRefused(run: BuildRun, message: string): void {
  expect(run.status).toBe(1);
  expect(problemLines(run)).toEqual([`corpus/${message}`]);
  expect(run.stderr).toMatch(/build-index: 1 problem\(s\) in .*; nothing was written\./);
}

describe('build-index on a broken corpus', () => {
  it.each([
    ['a JSONL file cut off mid-record', { 'x.jsonl': `${jsonl(record('a'))}{"id":"b","title":"عنوان","bo` }, /^x\.jsonl:2: json: not valid JSON \(.+\)$/],
    [
      'a Markdown file cut off inside its front matter',
      { 'x.md': '---\ntitle: عنوان\ndate: 2025-0' },
      /^x\.md:1: front matter: no closing "---" line after the front matter$/,
    ],
    [
      'a Markdown file cut off inside a UTF-8 character',
      { 'x.md': Buffer.from(good).subarray(0, Buffer.from(good).length - 3) },
      /^x\.md:9: encoding: invalid UTF-8; save the file as UTF-8$/,
    ],
    ['a truncated .jsonl.gz', { 'x.jsonl.gz': gzipSync(jsonl(record('a'), record('b'))).subarray(0, 20) }, /^x\.jsonl\.gz: file: cannot be read \(.+\)$/],
    [
      'invalid UTF-8 on line 3 of a JSONL file',
      { 'x.jsonl': Buffer.concat([Buffer.from(jsonl(record('a'), record('b'))), Buffer.from([0xc3, 0x28, 0x0a])]) },
      /^x\.jsonl:3: encoding: invalid UTF-8; save the file as UTF-8$/,
    ],
    ['a duplicate front matter key', { 'x.md': '---\ntitle: أ\ntitle: ب\n---\n\nنص\n' }, /^x\.md:3: front matter: invalid YAML: Map keys must be unique.*$/],
    ['front matter that is a list', { 'x.md': '---\n- title\n---\n\nنص\n' }, /^x\.md:2: front matter: must be YAML "key: value" fields$/],
    [
      'a body given as a front matter field',
      { 'x.md': '---\ntitle: ع\nbody: نص\n---\n\nنص\n' },
      /^x\.md:3: body: the body is the text after the front matter, not a front matter field$/,
    ],
    ['a Markdown file with only front matter', { 'x.md': '---\ntitle: ع\n---\n' }, /^x\.md:4: body: required and must not be empty$/],
    ['an empty body in JSONL', { 'x.jsonl': jsonl({ id: 'a', title: 'ع', body: '   ' }) }, /^x\.jsonl:1: body: required and must not be empty$/],
    ['a 5 MB article', { 'x.jsonl': jsonl(record('a', 'كلمة '.repeat(1_000_000))) }, /^x\.jsonl:1: body: 4999999 characters is over the limit of 500000$/],
  ])('refuses %s with one precise line', (_label, files, message) => {
    const run = runBuild(makeCorpus({ 'ok.md': good, ...files }));
    expect(run.status).toBe(1);
    const lines = problemLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^.*?corpus\//, '')).toMatch(message);
    expect(existsSync(run.out)).toBe(false);
  });

  it('names both places of an id given in a .md file and again in a .jsonl file', () => {
    const run = runBuild(makeCorpus({ 'a.md': good, 'bulk.jsonl': jsonl(record('b'), record('a')) }));
    expect(run.status).toBe(1);
    expect(problemLines(run)[0]).toMatch(/corpus\/bulk\.jsonl:2: id: duplicate id "a", first given at .*corpus\/a\.md:1$/);
  });

  it('reports line numbers of the file as written when it has a BOM and CRLF endings', () => {
    const broken = `\uFEFF---\r\ntitle: عنوان\r\ndate: 2025-02-30\r\n---\r\n\r\nنص\r\n`;
    const run = runBuild(makeCorpus({ 'ok.md': good, 'x.md': broken }));
    expectRefused(run, 'x.md:3: date: "2025-02-30" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time)');
  });

  it('reads a BOM at the start of a JSONL file', () => {
    const run = runBuild(makeCorpus({ 'x.jsonl': `\uFEFF${jsonl(record('a'), record('b'))}`.replace(/\n/g, '\r\n') }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/articles {2}2 indexed/);
  });

  it('builds a 5 MB corpus file of ordinary articles', () => {
    const records = Array.from({ length: 50 }, (_, i) => record(`a${i}`, `خبر رقم ${i} `.repeat(10_000)));
    const run = runBuild(makeCorpus({ 'big.jsonl': jsonl(...records) }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/articles {2}50 indexed/);
  });
});

describe('build-index when a file vanishes or cannot be read', () => {
  it('reports a file that disappeared after it was listed (a dangling link)', () => {
    const dir = makeCorpus({ 'ok.md': good });
    symlinkSync(join(dir, 'gone.md'), join(dir, 'corpus', 'vanished.md'));
    expectRefused(runBuild(dir), 'vanished.md: file: cannot be read (ENOENT)');
  });

  it('reads an article file reached through a link', () => {
    const dir = makeCorpus({ 'ok.md': good });
    writeFileSync(join(dir, 'elsewhere.md'), article({ title: 'عنوان آخر' }, 'نص'));
    symlinkSync(join(dir, 'elsewhere.md'), join(dir, 'corpus', 'linked.md'));
    const run = runBuild(dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/articles {2}2 indexed from 2 file\(s\)/);
  });

  it('reports a link to a folder instead of skipping it', () => {
    const dir = makeCorpus({ 'ok.md': good });
    mkdirSync(join(dir, 'folder'));
    symlinkSync(join(dir, 'folder'), join(dir, 'corpus', 'folder.md'));
    expectRefused(runBuild(dir), 'folder.md: file: not a regular file (a folder, a pipe or a device); the corpus holds article files only');
  });

  it('reports a named pipe instead of waiting on it forever', () => {
    const dir = makeCorpus({ 'ok.md': good });
    execFileSync('mkfifo', [join(dir, 'corpus', 'pipe.jsonl')]);
    expectRefused(runBuild(dir), 'pipe.jsonl: file: not a regular file (a folder, a pipe or a device); the corpus holds article files only');
  });

  it('reads articles in sub-folders, even one named like an article file', () => {
    const dir = makeCorpus({ 'ok.md': good });
    mkdirSync(join(dir, 'corpus', 'x.md'));
    writeFileSync(join(dir, 'corpus', 'x.md', 'inner.md'), article({ title: 'داخلي' }, 'نص'));
    const run = runBuild(dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/articles {2}2 indexed from 2 file\(s\)/);
  });

  it('reports a corpus folder that does not exist', () => {
    const dir = makeCorpus({});
    const run = runBuild(dir, ['--corpus', join(dir, 'missing')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing: corpus: cannot be listed \(ENOENT\)/);
  });
});

describe('build-index never overwrites a good index with a failed build', () => {
  let previous: { dir: string; out: string; bytes: Buffer; mtime: number };

  beforeAll(() => {
    const dir = makeCorpus({ 'ok.md': good });
    const run = runBuild(dir);
    expect(run.status).toBe(0);
    previous = { dir, out: run.out, bytes: readFileSync(run.out), mtime: statSync(run.out).mtimeMs };
  });

  function expectPreviousIntact(): void {
    expect(readFileSync(previous.out)).toEqual(previous.bytes);
    expect(statSync(previous.out).mtimeMs).toBe(previous.mtime);
    // No temporary file left next to it.
    expect(readdirSync(join(previous.dir, 'out')).filter((name) => name.includes('.tmp'))).toEqual([]);
  }

  it('keeps it when the corpus gained a broken article', () => {
    writeFileSync(join(previous.dir, 'corpus', 'broken.md'), 'no front matter');
    const run = runBuild(previous.dir);
    expect(run.status).toBe(1);
    expectPreviousIntact();
  });

  it('keeps both index files when the disk fills up while the new index is written', () => {
    const dir = makeCorpus({ 'ok.md': good });
    const first = runBuild(dir);
    expect(first.status).toBe(0);
    const outDir = join(dir, 'out');
    const before = Object.fromEntries(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name))]));
    writeFileSync(join(dir, 'corpus', 'big.jsonl'), jsonl(...Array.from({ length: 200 }, (_, i) => record(`n${i}`, `خبر ${i} `.repeat(500)))));
    // A file-size limit makes the write fail part-way with EFBIG, as a full disk fails with ENOSPC.
    // SIGXFSZ is ignored so the write returns the error instead of killing the process.
    const script = `ulimit -f 64; trap '' XFSZ; exec "$0" "$@"`;
    const run = spawnSync('sh', ['-c', script, process.execPath, join(ROOT, 'build-index/cli.ts'), '--corpus', join(dir, 'corpus'), '--out', first.out], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^build-index: cannot write .*out\/index-data\.(js|bin) \(EFBIG\); the previous index was left in place\.$/m);
    const after = Object.fromEntries(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name))]));
    expect(after).toEqual(before);
  });

  it('keeps it when the output path cannot be written (a folder is in the way)', () => {
    const dir = makeCorpus({ 'ok.md': good });
    mkdirSync(join(dir, 'out', 'index-data.js'), { recursive: true });
    const run = runBuild(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^build-index: cannot write .*out\/index-data\.js \(E[A-Z]+\); the output is incomplete; clear the way and rebuild\.$/m);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
