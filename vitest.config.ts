import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and integration tests run inside workerd, against the Worker as wrangler.toml describes it.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'workers', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'] },
      },
      {
        // The build (Node) and the browser end-to-end tests (Node driving Chromium).
        test: { name: 'node', environment: 'node', include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'], testTimeout: 30_000 },
      },
    ],
  },
});
