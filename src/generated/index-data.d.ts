// Types of the module that `npm run build-index` writes next to this file (index-data.js).
import type { IndexManifest } from '../search/index-format.ts';

export declare const manifest: IndexManifest;
export declare const searchIndexJson: string;
export declare const articlesJson: string;
export declare const vocabularyJson: string;
