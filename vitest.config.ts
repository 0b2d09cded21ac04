import { defineConfig } from 'vitest/config';

// Unit and integration tests beside the code, plus the cross-package integration suites in
// tests/integration. Browser (e2e) tests have their own config: tests/e2e/vitest.config.ts.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
      'tests/bench/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
