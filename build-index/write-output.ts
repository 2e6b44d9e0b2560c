/**
 * Writes files so that readers see the old content or the new, never a half-written one: a
 * failed build (a full disk, a crash) leaves the previous good index in place.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** Which output could not be written, and whether the previous files are still all in place. */
export class WriteError extends Error {
  override name = 'WriteError';
  readonly path: string;
  readonly code: string;
  /** `write`: nothing was replaced. `rename`: files renamed before this one were replaced. */
  readonly phase: 'write' | 'rename';

  constructor(path: string, phase: 'write' | 'rename', cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    super(`cannot write ${path} (${code})`, { cause });
    this.path = path;
    this.code = code;
    this.phase = phase;
  }
}

/**
 * Writes files that belong together (the index module and the file it imports): each goes to a
 * temporary file first, and only once all are written are they renamed into place, so running
 * out of space while writing replaces none of the previous files. Renames need no space; they
 * fail only when something is in the way of a path.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const temporaries = files.map(({ path }) => `${path}.tmp-${process.pid}`);
  try {
    for (const [i, { path, content }] of files.entries()) {
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temporaries[i]!, content);
      } catch (error) {
        throw new WriteError(path, 'write', error);
      }
    }
    for (const [i, { path }] of files.entries()) {
      try {
        await rename(temporaries[i]!, path);
      } catch (error) {
        throw new WriteError(path, 'rename', error);
      }
    }
  } catch (error) {
    // Best effort: a temporary that could not be created cannot be removed either (ENOTDIR).
    await Promise.all(temporaries.map((temporary) => rm(temporary, { force: true }).catch(() => undefined)));
    throw error;
  }
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}
