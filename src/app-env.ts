/**
 * The Hono environment of the Worker. `Env` (bindings and vars) is generated from wrangler.toml
 * by `npm run types` into worker-configuration.d.ts; `npm test` fails when that file is stale.
 */
import type { LiveWriter } from './live/live-writer.ts';
import type { SearchBackend } from './search/backend.ts';

type GeneratedEnv = Env;
export type { GeneratedEnv as Env };

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The index the routes search: opened on first use, so a broken one fails only the routes that need it. */
    backend: () => SearchBackend;
    /** The live set's writes; undefined when the Worker has no live store (or serves a sharded corpus). */
    live: () => LiveWriter | undefined;
  };
}
