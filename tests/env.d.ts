// The Worker's Env comes from worker-configuration.d.ts (wrangler types); the tests add the
// bindings only vitest.config.ts declares.
declare global {
  namespace Cloudflare {
    interface Env {
      /** The real Miniflare rate limiter with 3 requests a minute (tests/integration/rate-limit.test.ts). */
      RATE_LIMITER_STRICT: RateLimit;
    }
  }
}

export {};
