/**
 * Invisible control characters in corpus text are removed with a warning naming file and line;
 * text that cannot be read (NUL, unpaired surrogates, invalid UTF-8) is refused. Either way the
 * build says so: nothing is dropped silently.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubset, SAUDINEWSNET } from '../../bench/lib/scale-corpus.ts';
import { readCorpus } from '../../build-index/read-corpus.ts';
import { article, makeCorpus, runBuild } from './run-build.ts';

const jsonl = (...records: object[]): string => records.map((record) => JSON.stringify(record)).join('\n') + '\n';

describe('build-index: control characters in corpus text', () => {
  it('removes a stray control character from a Markdown body and warns with file and line', async () => {
    const dir = makeCorpus({ 'x.md': article({ title: 'عنوان' }, 'سطر\n\nنص \u0007 هنا') });
    const run = runBuild(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: corpus/x.md:7: body: removed 1 invisible control character(s) (U+0007 ×1)');
    const { articles, problems } = await readCorpus(join(dir, 'corpus'));
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.body)).toEqual(['سطر\n\nنص  هنا']);
  });

  it('counts each kind of control character of a JSONL field (C0, DEL, C1) in one warning', async () => {
    const dir = makeCorpus({
      'a.jsonl': jsonl({ id: 'a', title: 't', body: 'ok' }, { id: 'b', title: 'عنوان\u001a', body: 'أ\u001aب\u001aج\u007f\u0085د', source: 'وكالة\u0008' }),
    });
    const run = runBuild(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: corpus/a.jsonl:2: title: removed 1 invisible control character(s) (U+001A ×1)');
    expect(run.stderr).toContain('warning: corpus/a.jsonl:2: body: removed 4 invisible control character(s) (U+001A ×2, U+007F ×1, U+0085 ×1)');
    expect(run.stderr).toContain('warning: corpus/a.jsonl:2: source: removed 1 invisible control character(s) (U+0008 ×1)');
    const { articles } = await readCorpus(join(dir, 'corpus'));
    expect(articles[1]).toMatchObject({ id: 'b', title: 'عنوان', body: 'أبجد', source: 'وكالة' });
  });

  it('keeps tabs and newlines and turns CR line endings in JSON strings into LF, without a warning', async () => {
    const dir = makeCorpus({ 'a.jsonl': jsonl({ id: 'a', title: 't', body: 'سطر\r\nثان\rثالث\tرابع' }) });
    const run = runBuild(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('warning');
    expect((await readCorpus(join(dir, 'corpus'))).articles[0]!.body).toBe('سطر\nثان\nثالث\tرابع');
  });

  it.each([
    [
      'a NUL escape in a JSONL body',
      { 'a.jsonl': jsonl({ id: 'a', title: 't', body: 'x\u0000y' }) },
      'a.jsonl:1: body: contains NUL (U+0000), which is not text; remove it (an escape such as "\\u0000")',
    ],
    [
      'a UTF-16 Markdown file without BOM',
      { 'x.md': Buffer.from(article({ title: 'ع' }, 'نص'), 'utf16le') },
      'x.md:1: encoding: NUL bytes: a UTF-16 or binary file, not UTF-8 text; save it as UTF-8',
    ],
    [
      'an unpaired surrogate escape in a JSONL title',
      { 'a.jsonl': '{"id":"a","title":"t\\ud800","body":"b"}\n' },
      'a.jsonl:1: title: contains an unpaired surrogate (U+D800), which is not text; fix the "\\ud800" escape',
    ],
    [
      'a title of control characters only',
      { 'a.jsonl': jsonl({ id: 'a', title: '\u001a\u001a', body: 'b' }) },
      'a.jsonl:1: title: required and must not be empty (it holds only invisible control characters)',
    ],
    [
      'a tag of control characters only',
      { 'a.jsonl': jsonl({ id: 'a', title: 't', body: 'b', tags: ['سياسة', '\u0007'] }) },
      'a.jsonl:1: tags: must be a list of non-empty strings (one holds only invisible control characters)',
    ],
  ])('refuses %s with file:line: field: reason', (_name, files, message) => {
    const run = runBuild(makeCorpus(files));
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')).toContain(`corpus/${message}`);
  });

  it.skipIf(!existsSync(SAUDINEWSNET))('accepts all of SaudiNewsNet’s first 10,000 lines, warning once per article with U+001A', async () => {
    const { articles } = readSubset(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'snn-controls-'));
    try {
      writeFileSync(join(dir, 'snn.jsonl'), jsonl(...articles));
      const report = await readCorpus(dir);
      expect(report.problems).toEqual([]);
      expect(report.articles).toHaveLength(articles.length);
      expect(report.warnings).toHaveLength(18);
      const removed = report.warnings.map((w) => {
        expect(w).toMatchObject({ field: 'body', reason: expect.stringMatching(/^removed \d+ invisible control character\(s\) \(U\+001A ×\d+\)$/) });
        return Number(/×(\d+)/.exec(w.reason)![1]);
      });
      expect(removed.reduce((sum, n) => sum + n, 0)).toBe(120);
      expect(report.articles.some((a) => a.body.includes('\u001a'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
