/** Bindings and variables of the Worker (see wrangler.toml). */
import type { SearchBackend } from './search/backend.ts';

export interface Env {
  /** `*` (the default) or a comma-separated list of origins allowed to call /api/* from a browser. */
  CORS_ALLOWED_ORIGINS?: string;
  /** Per-client budget on /api/* (`[[ratelimits]]` in wrangler.toml); without it nothing is limited. */
  RATE_LIMITER?: RateLimit;
  /** Sharded corpora: how long the public Worker waits for a shard (ms) before answering without it. */
  SHARD_TIMEOUT_MS?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The index the routes search: opened on first use, so a broken one fails only the routes that need it. */
    backend: () => SearchBackend;
  };
}
