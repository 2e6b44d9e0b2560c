/**
 * The SaudiNewsNet fixture the node project's globalSetup builds once per run
 * (saudinewsnet-setup.ts): the articles and their index, as the build wrote it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { StoredArticle } from '../../../src/search/index-format.ts';
import { loadIndex, type OpenedIndex } from '../../../src/search/read-index.ts';

/** The first records of SaudiNewsNet (articles with a body), in line order. */
export const FIXTURE_ARTICLES = 3000;
export const FIXTURE_BUILT_AT = '2026-01-01T00:00:00.000Z';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the built fixture. */
    saudiNewsNetFixture: string;
  }
}

export interface SaudiNewsNetFixture {
  articles: StoredArticle[];
  index: OpenedIndex;
}

/** The fixture's articles and a fresh load of its index file. */
export function snnFixture(): SaudiNewsNetFixture {
  const dir = inject('saudiNewsNetFixture');
  const articles = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as StoredArticle[];
  const index = loadIndex({ manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), indexBlob: readFileSync(join(dir, 'index-data.bin')) });
  return { articles, index };
}
