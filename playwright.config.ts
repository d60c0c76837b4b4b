import { defineConfig } from '@playwright/test';

/**
 * Specs whose assertions count CPU samples, bursts of writes or a worker's restarts in a few
 * seconds: they run alone, after the rest, so that no other browser shares the two cores.
 */
const QUIET = [
  'reliability/busy.spec.ts',
  'reliability/organisations.spec.ts',
  'reliability/races.spec.ts',
  'reliability/worker.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two browsers at a time: each test launches its own, and most of a test is waiting for it.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'shared', testIgnore: QUIET },
    // Runs after "shared" has finished, one browser at a time.
    { name: 'quiet', testMatch: QUIET, workers: 1, dependencies: ['shared'] },
  ],
});
