import { describe, expect, it } from 'vitest';
import * as generated from '../../src/generated/index-data.js';
import { IndexMismatchError, loadIndex } from '../../src/search/read-index.ts';
import { ANALYZER_VERSION, INDEX_FORMAT_VERSION } from '../../src/search/options.ts';

describe('loadIndex', () => {
  it('loads the index the build wrote for this Worker', () => {
    const index = loadIndex(generated);
    expect(index.manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(index.manifest.analyzerVersion).toBe(ANALYZER_VERSION);
    expect(index.articles.size).toBe(index.manifest.articles);
  });

  it('refuses an index of another format version, saying how to fix it', () => {
    const data = { ...generated, manifest: { ...generated.manifest, formatVersion: INDEX_FORMAT_VERSION + 1 } };
    expect(() => loadIndex(data)).toThrow(IndexMismatchError);
    expect(() => loadIndex(data)).toThrow(/run npm run build-index/);
  });

  it('refuses an index built with another analyzer', () => {
    const data = { ...generated, manifest: { ...generated.manifest, analyzerVersion: 'other-analyzer' } };
    expect(() => loadIndex(data)).toThrow(/analyzer other-analyzer/);
  });
});
