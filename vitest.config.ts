import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@rimuru/source'] },
  ssr: { resolve: { conditions: ['@rimuru/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
    ],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['packages/test-utils/src/global-setup.ts'],
  },
});
