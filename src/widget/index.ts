/**
 * widget.js: registers `<arabic-search>` and exports the API client for pages that build their
 * own UI (`import { createClient } from 'https://<worker>/widget.js'`).
 */
import { ArabicSearchElement } from './search-widget.ts';

export { ApiError, createClient } from './client.ts';
export type { Article, Range, RequestOptions, SearchClient, SearchHit, SearchParams, SearchResponse, SuggestOptions, SuggestResponse } from './client.ts';
export { ArabicSearchElement };

// Loading the script twice (two embeds on one page) must not throw.
if (!customElements.get('arabic-search')) customElements.define('arabic-search', ArabicSearchElement);
