import { buildIndexData } from '../build-index/build-index-data.ts';
import { loadIndex } from '../src/search/read-index.ts';
import { searchArticles } from '../src/search/search-articles.ts';
import { readSubset } from './lib/scale-corpus.ts';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
const cache = '/tmp/idx31k.bin';
let blob: Uint8Array;
let manifest;
if (existsSync(cache)) {
  blob = readFileSync(cache);
  manifest = JSON.parse(readFileSync(cache + '.json', 'utf8'));
} else {
  const articles = readSubset(31030).articles;
  const built = buildIndexData(articles, { builtAt: new Date(0).toISOString() });
  blob = built.blob;
  manifest = built.manifest;
  writeFileSync(cache, blob);
  writeFileSync(cache + '.json', JSON.stringify(manifest));
}
const index = loadIndex({ manifest, indexBlob: blob });
for (const words of ['الرئيص الأمريكي', 'السعودية المملكة الرياض وزير الأمير خادم الحرمين الشريفين الملك سلمان', 'وزير الخارجية', 'السعودية']) {
  const q = { q: words, limit: 10, offset: 0, sources: [], sort: 'relevance' as const };
  for (let k = 0; k < 5; k++) searchArticles(index, q);
  const t = performance.now();
  for (let k = 0; k < 20; k++) searchArticles(index, q);
  const r = searchArticles(index, q);
  console.log(
    words.slice(0, 30),
    ((performance.now() - t) / 20).toFixed(2),
    'ms',
    r.total,
    r.didYouMean ?? '',
    r.hits
      .map((h) => h.id + ':' + h.score.toFixed(3))
      .slice(0, 3)
      .join(' '),
  );
}
