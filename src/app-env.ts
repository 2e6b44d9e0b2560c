/** Bindings and variables of the Worker (see wrangler.toml). */
import type { LiveStore } from './live/live-store.ts';
import type { LiveWriter } from './live/live-writer.ts';
import type { SearchBackend } from './search/backend.ts';

export interface Env {
  /** `*` (the default) or a comma-separated list of origins allowed to call /api/* from a browser. */
  CORS_ALLOWED_ORIGINS?: string;
  /** Per-client budget on /api/* (`[[ratelimits]]` in wrangler.toml); without it nothing is limited. */
  RATE_LIMITER?: RateLimit;
  /** Sharded corpora: how long the public Worker waits for a shard (ms) before answering without it. */
  SHARD_TIMEOUT_MS?: string;
  /** The live set's store (`[[durable_objects.bindings]]`); without it the Worker serves the embedded index alone and takes no writes. */
  LIVE_STORE?: DurableObjectNamespace<LiveStore>;
  /** The secret that authorizes writes (`wrangler secret put PUBLISH_TOKEN`; `.dev.vars` locally). Without it every write is a 503. */
  PUBLISH_TOKEN?: string;
  /** Per-client budget on writes, apart from reads' (`[[ratelimits]]` WRITE_RATE_LIMITER). */
  WRITE_RATE_LIMITER?: RateLimit;
  /** How long (ms) a write may take to reach every isolate's searches; default 5000. */
  LIVE_FRESHNESS_MS?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The index the routes search: opened on first use, so a broken one fails only the routes that need it. */
    backend: () => SearchBackend;
    /** The live set's writes; undefined when the Worker has no live store (or serves a sharded corpus). */
    live: () => LiveWriter | undefined;
  };
}
