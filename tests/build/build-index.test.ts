import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { article, makeCorpus, runBuild } from './run-build.ts';

const good = article({ title: 'قمة بوتين وترامب', date: '2025-01-26', source: 'وكالة' }, 'التقى الرئيسان في هلسنكي.\n\nفقرة ثانية.');

describe('build-index', () => {
  it('indexes valid Markdown and JSONL articles and says what it did', () => {
    const dir = makeCorpus({
      'a.md': good,
      'bulk.jsonl': `${JSON.stringify({ id: 'j1', title: 'عنوان', body: 'نص المقالة' })}\n\n${JSON.stringify({ id: 42, title: 'آخر', body: 'نص' })}\n`,
    });
    const run = runBuild(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/articles {2}3 indexed from 2 file\(s\)/);
    expect(run.stdout).toMatch(/terms {5}\d+/);
    expect(run.stdout).toMatch(/output {4}[\d.]+ kB raw, [\d.]+ kB gzip/);
    expect(run.stdout).toMatch(/time {6}[\d.]+ s/);
    expect(existsSync(run.out)).toBe(true);
  });

  it('writes byte-identical output for the same input', () => {
    const files = { 'a.md': good, 'b.md': article({ title: 'عنوان ثان' }, 'نص آخر عن سوريا') };
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const first = runBuild(makeCorpus(files), [], env);
    const second = runBuild(makeCorpus(files), [], env);
    expect(first.status).toBe(0);
    expect(readFileSync(first.out)).toEqual(readFileSync(second.out));
  });

  it('stamps the output with the format version, analyzer and corpus hash', () => {
    const run = runBuild(makeCorpus({ 'a.md': good }));
    const module = readFileSync(run.out, 'utf8');
    expect(module).toMatch(/export const manifest = \{"formatVersion":\d+,"analyzerVersion":"[^"]+","corpusHash":"[0-9a-f]{64}"/);
  });

  it.each([
    ['no front matter', { 'x.md': 'just text' }, 'x.md:1: front matter: the file must start with a "---" line'],
    ['unclosed front matter', { 'x.md': '---\ntitle: a\nbody' }, 'x.md:1: front matter: no closing "---" line'],
    ['bad YAML', { 'x.md': '---\ntitle: "a\n---\nbody' }, 'x.md:2: front matter: invalid YAML'],
    ['missing title', { 'x.md': article({ date: '2025-01-01' }, 'نص') }, 'x.md:1: title: required and must not be empty'],
    ['empty body', { 'x.md': article({ title: 'عنوان' }, '') }, 'x.md:4: body: required and must not be empty'],
    ['bad date', { 'x.md': article({ title: 'عنوان', date: '2025-13-01' }, 'نص') }, 'x.md:3: date: "2025-13-01" is not an ISO 8601 date'],
    ['numeric title', { 'x.md': article({ title: '2018' }, 'نص') }, 'x.md:2: title: must be text, not number (quote it in YAML)'],
    ['bad url', { 'x.md': article({ title: 'ع', url: 'javascript:alert(1)' }, 'نص') }, 'x.md:3: url: "javascript:alert(1)" is not an http(s) URL'],
    ['NUL character', { 'x.md': article({ title: 'ع' }, 'سطر\n\nنص \u0000 هنا') }, 'x.md:7: encoding: NUL bytes: a UTF-16 or binary file'],
    [
      'invalid UTF-8',
      { 'x.md': Buffer.concat([Buffer.from('---\ntitle: a\n---\n\nok\n'), Buffer.from([0xff, 0xfe, 0x41])]) },
      'x.md:6: encoding: invalid UTF-8',
    ],
    ['bad JSON line', { 'x.jsonl': '{"id":"a","title":"t","body":"b"}\n{oops\n' }, 'x.jsonl:2: json: not valid JSON'],
    ['JSONL without id', { 'x.jsonl': '{"title":"t","body":"b"}\n' }, 'x.jsonl:1: id: required: a non-empty string'],
    ['bad id', { 'x.jsonl': '{"id":"a/b","title":"t","body":"b"}\n' }, 'x.jsonl:1: id: "a/b" is not a valid id'],
    [
      'absurd title',
      { 'x.jsonl': `${JSON.stringify({ id: 'a', title: 'ع'.repeat(501), body: 'b' })}\n` },
      'x.jsonl:1: title: 501 characters is over the limit of 500',
    ],
    ['duplicate id', { 'a.md': good, 'b.jsonl': '{"id":"a","title":"t","body":"b"}\n' }, 'b.jsonl:1: id: duplicate id "a", first given at'],
    ['not an article file', { 'notes.txt': 'hello' }, 'notes.txt: file: not an article file'],
  ])('refuses %s with file:line: field: reason and writes nothing', (_name, files, message) => {
    const run = runBuild(makeCorpus({ 'ok.md': good, ...files }));
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines.some((line) => line.includes(`corpus/${message}`))).toBe(true);
    expect(run.stderr).toMatch(/problem\(s\) in .*nothing was written/);
    expect(existsSync(run.out)).toBe(false);
  });

  it('lists every problem, not just the first', () => {
    const run = runBuild(makeCorpus({ 'a.md': 'no front matter', 'b.md': article({ title: 'ع' }, '') }));
    expect(run.stderr).toMatch(/corpus\/a\.md:1: front matter/);
    expect(run.stderr).toMatch(/corpus\/b\.md:\d+: body/);
    expect(run.stderr).toMatch(/2 problem\(s\)/);
  });

  it('with --skip-invalid builds the valid articles and reports each skipped one', () => {
    const run = runBuild(makeCorpus({ 'ok.md': good, 'bad.md': article({ title: 'ع' }, '') }), ['--skip-invalid']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/corpus\/bad\.md:4: body: required/);
    expect(run.stdout).toMatch(/1 indexed from 2 file\(s\) \(1 problem\(s\) above, skipped\)/);
  });

  it('warns about unknown front matter fields but indexes the article', () => {
    const run = runBuild(makeCorpus({ 'a.md': article({ title: 'ع', category: 'سياسة' }, 'نص') }));
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: .*corpus\/a\.md:3: category: unknown field, ignored/);
  });

  it('reads a BOM and CRLF line endings as plain text', () => {
    const run = runBuild(makeCorpus({ 'a.md': `\uFEFF${good.replace(/\n/g, '\r\n')}` }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('exits 2 with usage on an unknown option', () => {
    const run = runBuild(makeCorpus({ 'a.md': good }), ['--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run build-index/);
  });
});
