import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's), the real server process, the built web app.
// One file at a time: two cores run one Chromium and one server comfortably, not several.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // What a browser test waits for travels through the server, other browsers and polling
    // views; 1 s (vitest's default) is a timing assertion on a loaded 2-core CI. Speed is for
    // `pnpm bench`: here a poll only fails if the thing never happens.
    expect: { poll: { timeout: 10_000 } },
  },
});
