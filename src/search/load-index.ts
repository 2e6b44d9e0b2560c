/**
 * Loads the generated index once per isolate and checks that it was built for this Worker.
 */
import MiniSearch from 'minisearch';
import * as generated from '../generated/index-data.js';
import type { IndexManifest, StoredArticle, Vocabulary } from './index-format.ts';
import { ANALYZER_VERSION, INDEX_FORMAT_VERSION, MINISEARCH_OPTIONS, type IndexedFields } from './options.ts';

export interface LoadedIndex {
  manifest: IndexManifest;
  miniSearch: MiniSearch<IndexedFields>;
  articles: ReadonlyMap<string, StoredArticle>;
  vocabulary: Vocabulary;
}

/** The data the build wrote; a parameter so tests can load other builds. */
export interface IndexData {
  manifest: IndexManifest;
  searchIndexJson: string;
  articlesJson: string;
  vocabularyJson: string;
}

export class IndexMismatchError extends Error {
  override name = 'IndexMismatchError';
}

export function loadIndex(data: IndexData): LoadedIndex {
  const { manifest } = data;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    throw new IndexMismatchError(
      `index: built with format ${manifest.formatVersion} / analyzer ${manifest.analyzerVersion}, ` +
        `this Worker reads format ${INDEX_FORMAT_VERSION} / analyzer ${ANALYZER_VERSION}; run npm run build-index`,
    );
  }
  const articles = JSON.parse(data.articlesJson) as StoredArticle[];
  if (articles.length !== manifest.articles) {
    throw new IndexMismatchError(
      `index: the manifest of corpus ${manifest.corpusHash} lists ${manifest.articles} articles, the store has ${articles.length}; run npm run build-index`,
    );
  }
  return {
    manifest,
    miniSearch: MiniSearch.loadJSON<IndexedFields>(data.searchIndexJson, MINISEARCH_OPTIONS),
    articles: new Map(articles.map((article) => [article.id, article])),
    vocabulary: JSON.parse(data.vocabularyJson) as Vocabulary,
  };
}

let current: LoadedIndex | undefined;

/** The embedded index, loaded on first use and kept for the life of the isolate. */
export function getIndex(): LoadedIndex {
  current ??= loadIndex(generated);
  return current;
}
