/**
 * A built MiniSearch, the articles and the vocabulary → the sections of the compact file.
 * Reads MiniSearch through its public `toJSON()` (the same data `loadJSON` reads).
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import type { IndexManifest, StoredArticle, Vocabulary } from '../../src/search/index-format.ts';
import type { ArticleRecord, CompactHeader } from '../../src/search/compact/layout.ts';
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

/** Postings of every term in term order, and where each term's bytes start. */
function encodePostings(index: AsPlainObject['index'], order: readonly number[], fieldCount: number) {
  const writer = new VarintWriter();
  const offsets = new Uint32Array(order.length + 1);
  for (const [k, at] of order.entries()) {
    offsets[k] = writer.length;
    const fields = index[at]![1];
    for (let field = 0; field < fieldCount; field++) {
      const docs = fields[field] ?? {};
      const ids = Object.keys(docs).map(Number); // integer keys enumerate in ascending order
      writer.write(ids.length);
      let previous = 0;
      for (const doc of ids) {
        writer.write(doc - previous);
        writer.write(docs[doc]!);
        previous = doc;
      }
    }
  }
  offsets[order.length] = writer.length;
  return { postings: writer.toBytes(), offsets };
}

export interface EncodeInput<T> {
  manifest: IndexManifest;
  miniSearch: MiniSearch<T>;
  /** Sorted by id, in the order they were added (short id = position). */
  articles: readonly StoredArticle[];
  vocabulary: Vocabulary;
}

export function encodeCompactIndex<T>({ manifest, miniSearch, articles, vocabulary }: EncodeInput<T>): Uint8Array {
  const plain = miniSearch.toJSON();
  const fieldCount = Object.keys(plain.fieldIds).length;
  if (plain.dirtCount !== 0 || plain.nextId !== articles.length) throw new Error('build-index: the index must be built fresh, without removals');

  // Terms sorted by code unit for binary search; their rank keeps MiniSearch's iteration order.
  const order = plain.index.map((_, rank) => rank).sort((a, b) => byCodeUnit(plain.index[a]![0], plain.index[b]![0]));
  const terms = stringColumn(order.map((rank) => plain.index[rank]![0]));
  const { postings, offsets: postingOffsets } = encodePostings(plain.index, order, fieldCount);

  const fieldLengths = new Uint32Array(articles.length * fieldCount);
  for (let doc = 0; doc < articles.length; doc++) {
    const lengths = plain.fieldLength[doc] ?? [];
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
    const record: ArticleRecord = { title, ...(url === undefined ? {} : { url }), ...(author === undefined ? {} : { author }), ...(tags === undefined ? {} : { tags }) };
    return encoder.encode(JSON.stringify(record));
  });
  const recordOffsets = new Uint32Array(articles.length + 1);
  for (const [i, bytes] of recordBytes.entries()) recordOffsets[i + 1] = recordOffsets[i]! + bytes.length;
  const recordData = new Uint8Array(recordOffsets[articles.length]!);
  for (const [i, bytes] of recordBytes.entries()) recordData.set(bytes, recordOffsets[i]!);

  const bodies = encodeBodies(articles.map((article) => article.body));
  const bodyWords = stringColumn(bodies.dictionary);
  const termPosition = new Map(order.map((rank, position) => [plain.index[rank]![0], position]));
  const wordMatches = encodeWordMatches(bodies.dictionary, termPosition);

  const header: Omit<CompactHeader, 'sections'> = {
    manifest,
    documentCount: plain.documentCount,
    nextId: plain.nextId,
    fieldIds: plain.fieldIds,
    averageFieldLength: plain.averageFieldLength,
    sources,
  };
  return writeBlob(header, {
    termUnits: terms.units,
    termOffsets: terms.offsets,
    termRanks: Uint32Array.from(order),
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
  });
}
