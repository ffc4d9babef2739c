import { defineConfig } from 'vitest/config';
import suite, { SLOW_TAGS } from './vitest.config.js';

/**
 * The fast loop (`pnpm test:fast`, and each package's `pnpm test`): the suite without the tests
 * tagged as slow (skipped, reported as such), so nothing needs building first and no PostgreSQL
 * server is looked for. `vitest.config.ts` runs them all.
 */
export default defineConfig({
  ...suite,
  test: {
    ...suite.test,
    globalSetup: [],
    tags: SLOW_TAGS.map((tag) => ({ ...tag, skip: true })),
  },
});
