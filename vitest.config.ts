import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests start Chromium; give them room on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every app a test starts would load the sentence model; the tests of meaning-aware search
    // (test/search/meaning) turn it on where they need it.
    env: { SEARCH_MODEL: 'off' },
    // Files and the tests in them run in a random order, so a test that leans on another one's
    // leftovers fails early. The run prints its seed; `--sequence.seed=N` replays that order.
    sequence: { shuffle: { files: true, tests: true } },
  },
});
