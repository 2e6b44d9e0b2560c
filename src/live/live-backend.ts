/**
 * Searches base + live as one corpus: each side ranks its matches with the combined corpus's
 * statistics (live-view.ts), the pages merge as shards' pages do (src/search/merge-pages.ts),
 * and only the merged page's hits are made, each by the side that holds the article.
 */
import type { SearchBackend } from '../search/backend.ts';
import type { IndexManifest, StoredArticle } from '../search/index-format.ts';
import { mergePages } from '../search/merge-pages.ts';
import { parseQuery } from '../search/query.ts';
import { correctWords, makeHits, searchPage, sortedFacet, type SearchRequest, type SearchResponse } from '../search/search-articles.ts';
import type { LiveView } from './live-view.ts';

export function liveBackend(view: LiveView, manifest: IndexManifest): SearchBackend {
  const { analyzer } = view.base;
  return {
    manifest,
    vocabulary: view.vocabulary,
    analyzer,
    search(request: SearchRequest): Promise<SearchResponse> {
      const end = request.offset + request.limit;
      const sides = [view.base, view.live];
      // Both sides search the same corrected words: those no article of the combined corpus has.
      const corrections = correctWords(parseQuery(request.q, analyzer).words, view.live);
      const pages = [
        searchPage(view.base, request, 0, 0, { ...view.baseOptions, corrections }),
        searchPage(view.live, request, 0, 0, { ...view.liveOptions, corrections }),
      ];
      const merged = mergePages(pages, { ...request, limit: end - request.offset });
      const hits = merged.page.flatMap(({ shard, entry }) => makeHits(sides[shard]!, [entry]));
      const didYouMean = pages[0]!.didYouMean;
      return Promise.resolve({
        total: merged.total,
        hits,
        facets: { source: sortedFacet(merged.sourceCounts) },
        ...(didYouMean === undefined ? {} : { didYouMean }),
        ...(merged.estimated ? { estimated: merged.estimated } : {}),
      });
    },
    article(id: string): Promise<StoredArticle | undefined> {
      return Promise.resolve(view.article(id));
    },
  };
}
