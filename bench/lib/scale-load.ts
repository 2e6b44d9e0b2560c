/**
 * One fresh-process load, run by bench/scale.ts as `node --expose-gc scale-load.ts <engine> <file> <queries.json>`.
 * Prints one JSON line: time from "bytes in memory" to "ready to search", heap after a GC, the
 * engine's own search time per query (no HTTP) and, for the compact index, the Worker's whole
 * search (searchArticles). Reading the file is not timed: in a Worker
 * the bundle is already in memory.
 */
import { readFileSync } from 'node:fs';
import { loadIndex } from '../../src/search/read-index.ts';
import { searchArticles } from '../../src/search/search-articles.ts';
import { FIELD_BOOSTS } from '../../src/search/options.ts';
import { loadPeer, type PeerName } from './scale-peers.ts';

const [engine, file, queriesFile] = process.argv.slice(2) as [PeerName | 'compact', string, string];
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

let search: (q: string) => number;
/** The compact index only: the Worker's whole search (searchArticles: filters, facets, snippets of the first page). */
let route: ((q: string) => void) | undefined;
let loadMs: number;
if (engine === 'compact') {
  const module = readFileSync(file.replace(/\.bin$/, '.js'), 'utf8');
  const manifest = JSON.parse(/export const manifest = (.*);/.exec(module)![1]!);
  const bytes = readFileSync(file);
  gc();
  const started = performance.now();
  const index = loadIndex({ manifest, indexBlob: bytes });
  loadMs = performance.now() - started;
  search = (q) => index.match([{ terms: index.analyzer.searchTerms(q), boost: FIELD_BOOSTS }]).length;
  route = (q) => searchArticles(index, { q, limit: 10, offset: 0, sources: [], sort: 'relevance' });
} else {
  const text = readFileSync(file, 'utf8');
  gc();
  const started = performance.now();
  const peer = loadPeer(engine, text);
  loadMs = performance.now() - started;
  search = peer.search;
}
// The loaded index only: the file's text is garbage for the peers (they parsed it), and the
// compact file's bytes are the index itself, counted under arrayBuffers.
gc();
const memory = process.memoryUsage();

const times: number[] = [];
for (const q of queries) {
  const started = performance.now();
  search(q);
  times.push(performance.now() - started);
}
const routeTimes: number[] = [];
if (route !== undefined) {
  for (const q of queries) {
    const started = performance.now();
    route(q);
    routeTimes.push(performance.now() - started);
  }
}
console.log(
  JSON.stringify({ engine, loadMs, heapUsed: memory.heapUsed, arrayBuffers: memory.arrayBuffers, rss: memory.rss, searchMs: times, routeMs: routeTimes }),
);
