import { defineConfig } from 'vitest/config';

// Two projects: the unit and integration tests run in parallel; the end-to-end tests each
// start Chromium and a host, so on a 2-core machine they run one file at a time, with room.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['tests/globalSetup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.{ts,tsx}'], exclude: ['tests/e2e/**'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
