import { defineConfig } from 'vitest/config';

/** `npm run test:firefox`: the built Firefox add-on in Firefox ESR, one browser at a time (two cores). */
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
