/**
 * vitest globalSetup of the node project: builds the SaudiNewsNet fixture once per test run
 * (the first FIXTURE_ARTICLES records, with the real build step) and hands its folder to the
 * test files, which load it with snnFixture(). Without the data (../shared absent) nothing is
 * built and the tests that need it skip.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIndexData } from '../../../build-index/build-index-data.ts';
import { readSubset, SAUDINEWSNET } from '../../../bench/lib/scale-corpus.ts';
import { FIXTURE_ARTICLES, FIXTURE_BUILT_AT } from './saudinewsnet.ts';

export default function setup(project: TestProject): (() => void) | undefined {
  if (!existsSync(SAUDINEWSNET)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'snn-fixture-'));
  const { articles } = readSubset(FIXTURE_ARTICLES);
  const data = buildIndexData(articles, { builtAt: FIXTURE_BUILT_AT });
  writeFileSync(join(dir, 'articles.json'), JSON.stringify(articles));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(data.manifest));
  writeFileSync(join(dir, 'index-data.bin'), data.blob);
  project.provide('saudiNewsNetFixture', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
