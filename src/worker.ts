/**
 * A Worker over an embedded index: src/index.ts for the index in src/generated/, and the entry
 * build-index writes for a sharded corpus's public Worker.
 */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { AppEnv } from './app-env.ts';
import { embeddedBackend, type EmbeddedIndex } from './search/load-index.ts';

export function createWorker(data: EmbeddedIndex): Hono<AppEnv> {
  return createApp(embeddedBackend(data));
}
