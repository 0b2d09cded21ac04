import { defineConfig } from 'vitest/config';

// `pnpm bench:smoke`: the CI version of the benchmark on its own. The root config runs the same
// file once its include list has `tests/bench/**/*.test.ts`.
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
