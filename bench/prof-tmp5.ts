import { loadIndex } from '../src/search/read-index.ts';
import { searchArticles } from '../src/search/search-articles.ts';
import { readSubset, titleQueries } from './lib/scale-corpus.ts';
import { readFileSync } from 'node:fs';
const index = loadIndex({ manifest: JSON.parse(readFileSync('/tmp/idx31k.bin.json', 'utf8')), indexBlob: readFileSync('/tmp/idx31k.bin') });
const articles = readSubset(31030).articles;
const queries = titleQueries(articles, 300, 11);
const run = () => {
  for (const q of queries) searchArticles(index, { q, limit: 10, offset: 0, sources: [], sort: 'relevance' });
};
run();
const { Session } = await import('node:inspector/promises');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t = performance.now();
run();
run();
const el = performance.now() - t;
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const dt = profile.timeDeltas!;
const ids = profile.samples!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < ids.length; i++) {
  const n = byId.get(ids[i]!)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt[i]!);
}
const tot = [...self.values()].reduce((a, b) => a + b, 0);
console.log('per query', (el / 600).toFixed(2), 'ms');
console.log(
  [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${((100 * v) / tot).toFixed(1)}%  ${k}`)
    .join('\n'),
);
