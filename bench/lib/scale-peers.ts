/**
 * The peers of the scale bench, each serialized to a file by the parent and loaded by a fresh
 * child process (scale-load.ts). Every engine gets the product's analyzer, so all index the
 * same terms: FlexSearch and Orama receive the analyzed term sequence of title and body.
 */
import { writeFileSync } from 'node:fs';
import { create, insertMultiple, load, save, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { minisearchOptions } from '../../src/search/options.ts';
import { baseAnalyzer } from '../../build-index/lexicon.ts';

export type PeerName = 'minisearch' | 'flexsearch' | 'orama';

// The base list's analyzer: the same work per word as the product's (which adds the corpus's
// counts), without counting the corpus in the load step being timed.
const analyzer = baseAnalyzer();
const analyzed = (text: string): string[] => analyzer.textTerms(text);

/** Orama's tokenizer interface, over the product analyzer. */
function oramaTokenizer() {
  return { language: 'arabic', normalizationCache: new Map(), tokenize: (raw: string) => analyzed(raw) };
}

function oramaSchema() {
  return create({
    schema: { title: 'string', body: 'string' } as const,
    components: { tokenizer: oramaTokenizer() },
  });
}

function flexIndex() {
  return new FlexSearch.Index({ tokenize: 'strict', encode: analyzed });
}

/** Builds `peer` over the articles and writes what its load step reads. */
export function writePeer(peer: Exclude<PeerName, 'minisearch'>, articles: readonly StoredArticle[], file: string): void {
  if (peer === 'flexsearch') {
    const index = flexIndex();
    articles.forEach((article, i) => index.add(i, `${article.title}\n${article.body}`));
    const parts: Record<string, string> = {};
    index.export((key: string, data: string) => {
      parts[key] = data;
    });
    writeFileSync(file, JSON.stringify(parts));
  } else {
    const db = oramaSchema();
    const inserted = insertMultiple(
      db,
      articles.map(({ title, body }) => ({ title, body })),
    );
    if (inserted instanceof Promise) throw new Error('bench: Orama insert was asynchronous');
    writeFileSync(file, JSON.stringify(save(db)));
  }
}

export interface LoadedPeer {
  search(q: string): number;
}

/** Loads a peer from the text its file holds; `search` returns the number of hits. */
export function loadPeer(peer: PeerName, text: string): LoadedPeer {
  switch (peer) {
    case 'minisearch': {
      const index = MiniSearch.loadJSON(text, minisearchOptions(analyzer));
      return { search: (q) => index.search(q).length };
    }
    case 'flexsearch': {
      const index = flexIndex();
      for (const [key, data] of Object.entries(JSON.parse(text) as Record<string, string>)) index.import(key, data);
      return { search: (q) => (index.search(q, { limit: 10 }) as unknown[]).length };
    }
    case 'orama': {
      const db = oramaSchema();
      load(db, JSON.parse(text));
      return {
        search: (q) => {
          const results = oramaSearch(db, { term: q, properties: ['title', 'body'], boost: { title: 2 }, limit: 10, threshold: 1 });
          if (results instanceof Promise) throw new Error('bench: Orama search was asynchronous');
          return results.count;
        },
      };
    }
  }
}
