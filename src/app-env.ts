/** Bindings and variables of the Worker (see wrangler.toml). */
export interface Env {
  /** `*` (the default) or a comma-separated list of origins allowed to call /api/* from a browser. */
  CORS_ALLOWED_ORIGINS?: string;
}

export interface AppEnv {
  Bindings: Env;
}
