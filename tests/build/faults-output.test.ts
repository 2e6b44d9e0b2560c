import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic, WriteError } from '../../build-index/write-output.ts';

describe('writeFilesAtomic', () => {
  it('writes every file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-'));
    await writeFilesAtomic([
      { path: join(dir, 'a.bin'), content: new Uint8Array([1, 2]) },
      { path: join(dir, 'sub', 'b.js'), content: 'b' },
    ]);
    expect([...readFileSync(join(dir, 'a.bin'))]).toEqual([1, 2]);
    expect(readFileSync(join(dir, 'sub', 'b.js'), 'utf8')).toBe('b');
  });

  it('replaces none of the files when writing a later one fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-'));
    writeFileSync(join(dir, 'a.bin'), 'previous');
    writeFileSync(join(dir, 'not-a-folder'), '');
    const failure = writeFilesAtomic([
      { path: join(dir, 'a.bin'), content: 'new' },
      { path: join(dir, 'not-a-folder', 'b.js'), content: 'b' },
    ]);
    await expect(failure).rejects.toThrow(WriteError);
    // mkdir answers EEXIST (a file has the folder's name); other systems say ENOTDIR.
    await expect(failure).rejects.toMatchObject({ phase: 'write', code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/), path: join(dir, 'not-a-folder', 'b.js') });
    expect(readFileSync(join(dir, 'a.bin'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['a.bin', 'not-a-folder']);
  });

  it('names the file and the reason in its message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-'));
    writeFileSync(join(dir, 'not-a-folder'), '');
    const path = join(dir, 'not-a-folder', 'x.js');
    await expect(writeFilesAtomic([{ path, content: 'x' }])).rejects.toThrow(new RegExp(`^cannot write ${path} \\((EEXIST|ENOTDIR)\\)$`));
  });
});
