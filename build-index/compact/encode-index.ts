/**
 * A built MiniSearch, the articles and the vocabulary → the sections of the compact file.
 * Reads MiniSearch through its public `toJSON()` (the same data `loadJSON` reads).
 */
import type { AsPlainObject } from 'minisearch';
import type { IndexManifest, StoredArticle, VocabularyLists } from '../../src/search/index-format.ts';
import type { ArticleRecord, CompactHeader } from '../../src/search/compact/layout.ts';
import type { Analyzer } from '../../src/text/analyze.ts';
import type { LexiconEntry } from '../../src/text/lexicon.ts';
import { encodeBodies, encodeWordMatches } from './encode-bodies.ts';
import { VarintWriter } from './varint-writer.ts';
import { writeBlob } from './write-blob.ts';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strings → UTF-16 units and offsets (one more offset than strings). */
function stringColumn(strings: readonly string[]): { units: Uint16Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(strings.length + 1);
  let total = 0;
  for (const [i, text] of strings.entries()) {
    offsets[i] = total;
    total += text.length;
  }
  offsets[strings.length] = total;
  const units = new Uint16Array(total);
  for (const [i, text] of strings.entries()) for (let k = 0; k < text.length; k++) units[offsets[i]! + k] = text.charCodeAt(k);
  return { units, offsets };
}

function joinedUnits(strings: readonly string[]): Uint16Array {
  if (strings.some((text) => text.includes('\n'))) throw new Error('build-index: a vocabulary word contains a newline');
  return stringColumn([strings.join('\n')]).units;
}

/** The documents of a shard: short ids `[first, end)` of the whole index, renumbered from 0. */
interface DocumentRange {
  first: number;
  end: number;
}

/** A field's (short id, frequency) postings that fall in the range, renumbered. */
function localPostings(docs: Record<number, number>, range: DocumentRange | undefined): [number, number][] {
  const postings: [number, number][] = [];
  for (const key of Object.keys(docs)) {
    // Integer keys enumerate in ascending order.
    const doc = Number(key);
    if (range === undefined) postings.push([doc, docs[doc]!]);
    else if (doc >= range.first && doc < range.end) postings.push([doc - range.first, docs[doc]!]);
  }
  return postings;
}

/**
 * Postings of every term in term order, and where each term's bytes start. A shard also writes,
 * after each field's local count, the whole index's count (the document frequency BM25 reads),
 * so that its scores are the unsharded index's.
 */
function encodePostings(index: AsPlainObject['index'], order: readonly number[], fieldCount: number, range: DocumentRange | undefined) {
  const writer = new VarintWriter();
  const offsets = new Uint32Array(order.length + 1);
  for (const [k, at] of order.entries()) {
    offsets[k] = writer.length;
    const fields = index[at]![1];
    for (let field = 0; field < fieldCount; field++) {
      const docs = fields[field] ?? {};
      const postings = localPostings(docs, range);
      writer.write(postings.length);
      if (range !== undefined) writer.write(Object.keys(docs).length);
      let previous = 0;
      for (const [doc, frequency] of postings) {
        writer.write(doc - previous);
        writer.write(frequency);
        previous = doc;
      }
    }
  }
  offsets[order.length] = writer.length;
  return { postings: writer.toBytes(), offsets };
}

export interface EncodeInput {
  manifest: IndexManifest;
  /** The MiniSearch index of the whole corpus, as `toJSON()` gives it. */
  plain: AsPlainObject;
  /** Sorted by id, in the order they were added (short id = position); a shard's only. */
  articles: readonly StoredArticle[];
  vocabulary: VocabularyLists;
  /** The analyzer the index was built with (bodies' word terms), and its lexicon's entries, written for the Worker's. */
  analyzer: Analyzer;
  lexicon: readonly LexiconEntry[];
  /** For a shard: the whole index's short id of its first article (its articles follow in order). */
  shardFirst?: number;
}

/** The file, and the manifest written in it (`terms` counts the terms the file holds). */
export function encodeCompactIndex({ manifest: given, plain, articles, vocabulary, analyzer, lexicon, shardFirst }: EncodeInput): {
  blob: Uint8Array;
  manifest: IndexManifest;
} {
  const fieldCount = Object.keys(plain.fieldIds).length;
  const range = shardFirst === undefined ? undefined : { first: shardFirst, end: shardFirst + articles.length };
  if (plain.dirtCount !== 0 || (range === undefined ? plain.nextId !== articles.length : range.end > plain.nextId)) {
    throw new Error('build-index: the index must be built fresh, without removals');
  }

  // Terms sorted by code unit for binary search.
  // A shard keeps the terms its own articles have.
  const ranks = plain.index.map((_, rank) => rank);
  const kept = range === undefined ? ranks : ranks.filter((rank) => Object.values(plain.index[rank]![1]).some((docs) => localPostings(docs, range).length > 0));
  const order = kept.sort((a, b) => byCodeUnit(plain.index[a]![0], plain.index[b]![0]));
  const terms = stringColumn(order.map((rank) => plain.index[rank]![0]));
  const manifest: IndexManifest = { ...given, terms: order.length };
  const { postings, offsets: postingOffsets } = encodePostings(plain.index, order, fieldCount, range);

  const fieldLengths = new Uint32Array(articles.length * fieldCount);
  for (let doc = 0; doc < articles.length; doc++) {
    const lengths = plain.fieldLength[doc + (range?.first ?? 0)] ?? [];
    for (let field = 0; field < fieldCount; field++) fieldLengths[doc * fieldCount + field] = lengths[field] ?? 0;
  }

  const sources = [...new Set(articles.flatMap((article) => (article.source === undefined ? [] : [article.source])))].sort(byCodeUnit);
  if (sources.length >= 0xffff) throw new Error('build-index: more than 65,534 distinct sources');
  const sourceCode = new Map(sources.map((source, i) => [source, i + 1]));
  const ids = stringColumn(articles.map((article) => article.id));
  const dates = stringColumn(articles.map((article) => article.date ?? ''));
  const encoder = new TextEncoder();
  const recordBytes = articles.map((article) => {
    const { title, url, author, tags } = article;
    const record: ArticleRecord = {
      title,
      ...(url === undefined ? {} : { url }),
      ...(author === undefined ? {} : { author }),
      ...(tags === undefined ? {} : { tags }),
    };
    return encoder.encode(JSON.stringify(record));
  });
  const recordOffsets = new Uint32Array(articles.length + 1);
  for (const [i, bytes] of recordBytes.entries()) recordOffsets[i + 1] = recordOffsets[i]! + bytes.length;
  const recordData = new Uint8Array(recordOffsets[articles.length]!);
  for (const [i, bytes] of recordBytes.entries()) recordData.set(bytes, recordOffsets[i]!);

  const bodies = encodeBodies(articles.map((article) => article.body));
  const bodyWords = stringColumn(bodies.dictionary);
  const termPosition = new Map(order.map((rank, position) => [plain.index[rank]![0], position]));
  const wordMatches = encodeWordMatches(bodies.dictionary, termPosition, analyzer);
  const lexiconForms = stringColumn(lexicon.map((entry) => entry.form));

  const header: Omit<CompactHeader, 'sections'> = {
    manifest,
    // A shard scores with the whole corpus's statistics (document count, average field lengths
    // here, document frequencies in the postings): its scores are the unsharded index's.
    documentCount: plain.documentCount,
    nextId: articles.length,
    ...(range === undefined ? {} : { globalDocumentFrequencies: true }),
    fieldIds: plain.fieldIds,
    averageFieldLength: plain.averageFieldLength,
    sources,
  };
  const blob = writeBlob(header, {
    termUnits: terms.units,
    termOffsets: terms.offsets,
    postingOffsets,
    postings,
    fieldLengths,
    idUnits: ids.units,
    idOffsets: ids.offsets,
    dateUnits: dates.units,
    dateOffsets: dates.offsets,
    sourceCodes: Uint16Array.from(articles, (article) => (article.source === undefined ? 0 : sourceCode.get(article.source)!)),
    records: recordData,
    recordOffsets,
    bodyWordUnits: bodyWords.units,
    bodyWordOffsets: bodyWords.offsets,
    bodyCodes: bodies.codes,
    bodyOffsets: bodies.offsets,
    bodyWordMatches: wordMatches.data,
    bodyWordMatchOffsets: wordMatches.offsets,
    vocabularyKeys: joinedUnits(vocabulary.keys),
    vocabularyWords: joinedUnits(vocabulary.words),
    vocabularyCounts: Uint32Array.from(vocabulary.counts),
    lexiconUnits: lexiconForms.units,
    lexiconOffsets: lexiconForms.offsets,
    lexiconCounts: Uint32Array.from(lexicon, (entry) => entry.count),
    lexiconHamzated: Uint32Array.from(lexicon, (entry) => entry.hamzated),
  });
  return { blob, manifest };
}
