/** Bindings and variables of the Worker (see wrangler.toml). */
export interface Env {
  /** `*` (the default) or a comma-separated list of origins allowed to call /api/* from a browser. */
  CORS_ALLOWED_ORIGINS?: string;
  /** Per-client budget on /api/* (`[[ratelimits]]` in wrangler.toml); without it nothing is limited. */
  RATE_LIMITER?: RateLimit;
}

export interface AppEnv {
  Bindings: Env;
}
