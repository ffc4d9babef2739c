import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Tags of the suites that need more than Node and temp dirs: on a `describe`/`it`
 * (`{ tags: ['postgres'] }`), or on a whole file (a `// @module-tag built` line at its top).
 * `vitest.fast.config.ts` skips them; `--tags-filter` picks them.
 */
export const SLOW_TAGS = [
  {
    name: 'postgres',
    description: 'needs a PostgreSQL server (RIMURU_TEST_PG_URL, or the one global setup finds or starts)',
  },
  { name: 'tmux', description: 'drives a terminal through tmux' },
  { name: 'built', description: 'runs built code: the CLI binary (bin/run.js) or worker threads from dist/' },
];

/**
 * The whole suite (`pnpm test`, CI). Test files are found relative to the working directory, so
 * the same config runs everything from the repo root and one package's tests from that package.
 * Tests read `src/` through the `@rimuru/source` condition.
 */
export default defineConfig({
  resolve: { conditions: ['@rimuru/source'] },
  ssr: { resolve: { conditions: ['@rimuru/source'] } },
  test: {
    include: ['{src,test}/**/*.test.ts', '{packages,apps,examples}/*/{src,test}/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: [fromRoot('packages/test-utils/src/global-setup.ts')],
    tags: SLOW_TAGS,
  },
});
