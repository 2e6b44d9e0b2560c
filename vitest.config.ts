import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and integration tests run inside workerd, against the Worker as wrangler.toml describes it.
        // The test suite is one client sending thousands of requests: RATE_LIMITER gets a budget no
        // run reaches, and tests/integration/rate-limit.test.ts swaps in RATE_LIMITER_STRICT.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // The publishing secret (.dev.vars in wrangler dev); the live store is wrangler.toml's Durable Object.
              bindings: { PUBLISH_TOKEN: 'test-publish-token' },
              ratelimits: {
                RATE_LIMITER: { namespace_id: '1001', simple: { limit: 1_000_000, period: 60 } },
                RATE_LIMITER_STRICT: { namespace_id: '1002', simple: { limit: 3, period: 60 } },
                WRITE_RATE_LIMITER: { namespace_id: '1003', simple: { limit: 1_000_000, period: 60 } },
              },
            },
          }),
        ],
        test: { name: 'workers', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'] },
      },
      {
        // The build (Node) and the browser end-to-end tests (Node driving Chromium).
        // The SaudiNewsNet fixture of tests/build is built once per run (tests/build/support/saudinewsnet-setup.ts).
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          globalSetup: ['tests/build/support/saudinewsnet-setup.ts'],
        },
      },
    ],
  },
});
