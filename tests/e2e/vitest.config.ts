import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's), the real server process, the built web app.
// One file at a time: two cores run one Chromium and one server comfortably, not several.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
