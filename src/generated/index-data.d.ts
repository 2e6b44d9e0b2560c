// Types of the module that `npm run build-index` writes next to this file (index-data.js). It
// imports index-data.bin, the compact index file, as an ArrayBuffer (wrangler.toml [[rules]] Data).
import type { IndexManifest } from '../search/index-format.ts';
import type { ShardRoute } from '../shards/protocol.ts';

export declare const manifest: IndexManifest;
export declare const indexBlob: ArrayBuffer;
/** null for one Worker; the shards of a sharded corpus (this module is then the public Worker's router). */
export declare const shards: readonly ShardRoute[] | null;
