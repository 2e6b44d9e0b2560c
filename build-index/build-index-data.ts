/**
 * Articles → the data the Worker embeds: one compact file (src/search/compact/layout.ts) with
 * the MiniSearch index, the article store, the suggestion vocabulary and the manifest, plus the
 * small ES module that imports it. Deterministic: same articles, same bytes.
 */
import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { IndexManifest, StoredArticle, VocabularyLists } from '../src/search/index-format.ts';
import type { ShardRoute } from '../src/shards/protocol.ts';
import { ANALYZER_VERSION, INDEX_FORMAT_VERSION, minisearchOptions, type IndexedFields } from '../src/search/options.ts';
import { createAnalyzer, type Analyzer } from '../src/text/analyze.ts';
import type { CountingLexicon, LexiconEntry } from '../src/text/lexicon.ts';
import { suggestibleWords } from '../src/text/suggestible-words.ts';
import { encodeCompactIndex } from './compact/encode-index.ts';
import { corpusLexicon } from './lexicon.ts';

/** The vocabulary keeps at most this many words (the most frequent), bounding its size. */
export const MAX_VOCABULARY = 100_000;

export interface IndexData {
  manifest: IndexManifest;
  /** The compact index file (index-data.bin next to the module). */
  blob: Uint8Array;
}

/** Suggestible words: in the index (not function words), at least two letters. */
function buildVocabulary(articles: readonly StoredArticle[], analyzer: Analyzer): VocabularyLists {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const [key, token] of suggestibleWords(article, analyzer)) {
      let entry = counts.get(key);
      if (entry === undefined) counts.set(key, (entry = { count: 0, forms: new Map() }));
      entry.forms.set(token, (entry.forms.get(token) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        entry.count++;
      }
    }
  }
  const byCount = [...counts].sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const kept = byCount.slice(0, MAX_VOCABULARY).sort(([ka], [kb]) => (ka < kb ? -1 : ka > kb ? 1 : 0));
  const vocabulary = { keys: [] as string[], words: [] as string[], counts: [] as number[] } satisfies VocabularyLists;
  for (const [key, { count, forms }] of kept) {
    const [word] = [...forms].sort(([wa, a], [wb, b]) => b - a || (wa < wb ? -1 : wa > wb ? 1 : 0))[0]!;
    vocabulary.keys.push(key);
    vocabulary.words.push(word);
    vocabulary.counts.push(count);
  }
  return vocabulary;
}

/** SHA-256 of the articles as stored, in id order: two builds of the same corpus share it. */
export function corpusHash(articles: readonly StoredArticle[]): string {
  const hash = createHash('sha256');
  for (const article of articles) hash.update(JSON.stringify(article)).update('\n');
  return hash.digest('hex');
}

export interface BuildOptions {
  builtAt: string;
  /** Called every `progressEvery` articles while indexing. */
  onProgress?: (indexed: number) => void;
  progressEvery?: number;
  /**
   * Analyze with this lexicon instead of the base list plus the corpus's words: how a Worker
   * analyzes live articles until the next build (tests compare base + live with such a rebuild).
   */
  lexicon?: CountingLexicon;
}

interface Indexed {
  articles: StoredArticle[];
  plain: AsPlainObject;
  manifest: IndexManifest;
  /** The analyzer of this corpus's lexicon (the base list plus the corpus's words) and the lexicon's entries. */
  analyzer: Analyzer;
  lexicon: LexiconEntry[];
}

/** Articles in id order (their short ids) and the MiniSearch index of all of them. */
function indexAll(input: readonly StoredArticle[], options: BuildOptions): Indexed {
  const articles = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counted = options.lexicon ?? corpusLexicon(articles);
  const analyzer = createAnalyzer(counted);
  const miniSearch = new MiniSearch<IndexedFields>(minisearchOptions(analyzer));
  const every = options.progressEvery ?? 1000;
  for (const [i, article] of articles.entries()) {
    miniSearch.add({ id: article.id, title: article.title, body: article.body });
    if ((i + 1) % every === 0) options.onProgress?.(i + 1);
  }
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    corpusHash: corpusHash(articles),
    builtAt: options.builtAt,
    articles: articles.length,
    terms: miniSearch.termCount,
  };
  return { articles, plain: miniSearch.toJSON(), manifest, analyzer, lexicon: counted.entries() };
}

/** MiniSearch's own index of the articles, serialized: the baseline the scale bench loads for comparison. */
export function plainMiniSearch(input: readonly StoredArticle[], options: BuildOptions): AsPlainObject {
  return indexAll(input, options).plain;
}

export function buildIndexData(input: readonly StoredArticle[], options: BuildOptions): IndexData {
  const { articles, plain, manifest, analyzer, lexicon } = indexAll(input, options);
  return encodeCompactIndex({ manifest, plain, articles, vocabulary: buildVocabulary(articles, analyzer), analyzer, lexicon });
}

export interface ShardedIndexData {
  /** The public Worker's: the corpus's manifest (with `shards`), and a file with no articles, only the suggestion vocabulary. */
  router: IndexData;
  /** Each shard's file, with the article ids it starts and ends with. */
  shards: (IndexData & { firstId: string; lastId: string })[];
}

/**
 * Where to cut `articles` (in id order) into `count` runs of about equal text: memory and
 * startup grow with the text a shard holds, not with its number of articles.
 */
export function shardStarts(articles: readonly StoredArticle[], count: number): number[] {
  const sizes = articles.map((article) => article.title.length + article.body.length);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const starts = [0];
  let sum = 0;
  for (const [i, size] of sizes.entries()) {
    const due = sum >= (total * starts.length) / count || articles.length - i <= count - starts.length;
    if (starts.length < count && i > starts[starts.length - 1]! && due) starts.push(i);
    sum += size;
  }
  return starts;
}

/**
 * The corpus split into shards of consecutive ids, each a compact file of its own that scores
 * with the whole corpus's statistics (see encode-index.ts), so the merged ranking of the shards
 * is the unsharded index's. The vocabulary stays whole, in the router.
 */
export function buildShardedIndexData(input: readonly StoredArticle[], shardCount: number, options: BuildOptions): ShardedIndexData {
  if (!Number.isInteger(shardCount) || shardCount < 2) throw new RangeError(`build-index: a sharded build needs at least 2 shards, not ${shardCount}`);
  if (input.length < shardCount) throw new RangeError(`build-index: ${input.length} article(s) cannot fill ${shardCount} shards`);
  const { articles, plain, manifest, analyzer, lexicon } = indexAll(input, options);
  const starts = shardStarts(articles, shardCount);
  const shards = starts.map((first, index) => {
    const own = articles.slice(first, starts[index + 1] ?? articles.length);
    const shardManifest: IndexManifest = {
      ...manifest,
      corpusHash: corpusHash(own),
      articles: own.length,
      shard: { index, of: starts.length, first },
    };
    const data = encodeCompactIndex({ manifest: shardManifest, plain, articles: own, vocabulary: EMPTY_VOCABULARY, analyzer, lexicon, shardFirst: first });
    return { ...data, firstId: own[0]!.id, lastId: own[own.length - 1]!.id };
  });
  const routerManifest: IndexManifest = { ...manifest, shards: starts.length };
  // The router's own file holds no article: its header says so, the module's manifest has the corpus's.
  const empty = new MiniSearch<IndexedFields>(minisearchOptions(analyzer)).toJSON();
  const routerFile = encodeCompactIndex({
    manifest: { ...routerManifest, articles: 0 },
    plain: empty,
    articles: [],
    vocabulary: buildVocabulary(articles, analyzer),
    analyzer,
    lexicon,
  });
  return { router: { manifest: routerManifest, blob: routerFile.blob }, shards };
}

const EMPTY_VOCABULARY: VocabularyLists = { keys: [], words: [], counts: [] };

/**
 * The ES module the Worker imports. The file comes in as an ArrayBuffer (wrangler's `Data`
 * module rule for *.bin): no JavaScript parse of the index, no copy, no rebuild at cold start.
 */
export function renderModule(data: IndexData, blobFileName: string, shards: readonly ShardRoute[] | null = null): string {
  return [
    `// Generated by build-index from corpus ${data.manifest.corpusHash}. Do not edit; run npm run build-index.`,
    `import indexBlob from './${blobFileName}';`,
    `export const manifest = ${JSON.stringify(data.manifest)};`,
    `export const shards = ${JSON.stringify(shards)};`,
    `export { indexBlob };`,
    '',
  ].join('\n');
}
