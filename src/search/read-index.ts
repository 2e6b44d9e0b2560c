/**
 * Opens an index the build wrote and checks that it was built for this Worker. The index is
 * the compact file (src/search/compact/), read in place: cold start costs a JSON header and
 * typed-array views, not a rebuild of MiniSearch's tree. No import of the generated module
 * here, so Node (tests, benches) can load any build's files.
 */
import type { MatchList, QueryPart } from './match-list.ts';
import { openCompactIndex, type CompactIndex } from './compact/open-index.ts';
import type { ArticleLookup, IndexManifest, Vocabulary } from './index-format.ts';
import { createAnalyzer, type Analyzer } from '../text/analyze.ts';
import { ANALYZER_VERSION, INDEX_FORMAT_VERSION, SEARCH_FIELDS } from './options.ts';

export interface LoadedIndex {
  manifest: IndexManifest;
  /** Every match of a query, without a result per match: what searchArticles reads. */
  match(parts: readonly QueryPart[]): MatchList;
  articles: ArticleLookup;
  vocabulary: Vocabulary;
  /** Analyzes queries exactly as the build analyzed the articles (the file's lexicon). */
  analyzer: Analyzer;
  /** Whether any article has the index term. */
  hasTerm(term: string): boolean;
}

/** The data the build wrote; a parameter so tests and benches can load other builds. */
export interface IndexData {
  /** The same manifest as in the file, checked before the file is opened. */
  manifest: IndexManifest;
  /** The compact index file: a Data module in the Worker, a file's bytes in Node. */
  indexBlob: ArrayBuffer | Uint8Array;
}

/** A loaded index with the parts a live set reads and reweighs (see CompactIndex). */
export type OpenedIndex = CompactIndex & { analyzer: Analyzer };

export class IndexMismatchError extends Error {
  override name = 'IndexMismatchError';
}

export function loadIndex(data: IndexData): OpenedIndex {
  const { manifest } = data;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    throw new IndexMismatchError(
      `index: built with format ${manifest.formatVersion} / analyzer ${manifest.analyzerVersion}, ` +
        `this Worker reads format ${INDEX_FORMAT_VERSION} / analyzer ${ANALYZER_VERSION}; run npm run build-index`,
    );
  }
  const { index, analyzer } = openWithAnalyzer(data.indexBlob);
  if (index.manifest.corpusHash !== manifest.corpusHash) {
    throw new IndexMismatchError(
      `index: the module is for corpus ${manifest.corpusHash}, the index file for ${index.manifest.corpusHash}; run npm run build-index`,
    );
  }
  if (index.articles.size !== manifest.articles) {
    throw new IndexMismatchError(
      `index: the manifest of corpus ${manifest.corpusHash} lists ${manifest.articles} articles, the store has ${index.articles.size}; run npm run build-index`,
    );
  }
  return { ...index, analyzer };
}

/** Opens the compact file with the analyzer of its own lexicon. */
export function openWithAnalyzer(bytes: ArrayBuffer | Uint8Array) {
  const index = openCompactIndex(bytes, SEARCH_FIELDS);
  return { index, analyzer: createAnalyzer(index.lexicon) };
}
