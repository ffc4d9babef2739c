import type { KnipConfig } from 'knip';

// Entry points are the packages' `exports` (read from package.json), the bins, the oclif
// commands and hooks, the bundled entries of apps/cli/scripts/bundle.mjs, the scripts, the
// benches, and the tests with their vitest set-up (read from vitest.config.ts).
const config: KnipConfig = {
  includeEntryExports: true,
  // Hand-written declarations that let TypeScript tests import a plain .mjs script; knip
  // resolves the .mjs itself, so it never sees them used.
  ignore: ['**/*.d.mts'],
  // System tools some tests and the private PostgreSQL helper run; no npm package provides them.
  ignoreBinaries: ['mount', 'umount', 'openssl'],
  workspaces: {
    '.': {
      entry: ['scripts/*.mjs', 'bench/**/*.mjs'],
    },
    'apps/cli': {
      // bin/run.js comes from package.json `bin`; these are the entries scripts/bundle.mjs bundles:
      // main, one per command (oclif `commands`), the oclif hook, the lean statusline.
      entry: [
        'src/main.ts',
        'src/commands/**/*.ts',
        'src/hooks/command-not-found.ts',
        'src/statusline/statusline-main.ts',
        'scripts/*.mjs',
      ],
      // An application, no library: its entries' exports are read by oclif and bin/run.js
      // (command classes by file name, `run`, `runStatuslineMain`), never imported by a package.
      includeEntryExports: false,
    },
    'apps/tui': {},
    // A package entry that a bundle script names in `entryPoints`, or that a bench or test
    // loads by URL (`new URL(…)`, a worker's module), is taken by knip for an entry whose exports
    // are not checked. Naming it here makes knip check them (it hints that the pattern is
    // redundant; it is not): core and db (bundle scripts, bench/team/machine-history.mjs),
    // test-utils (the benches), the Claude Code and Codex adapters and sync's read-worker-host
    // (sync's read-worker tests), app-runtime's read worker (the TUI and a CLI test).
    'packages/core': {
      entry: ['src/index.ts', 'scripts/*.mjs'],
    },
    'packages/test-utils': {
      entry: ['src/index.ts'],
    },
    'packages/adapters-claude-code': {
      entry: ['src/index.ts'],
    },
    'packages/adapters-codex': {
      entry: ['src/index.ts'],
    },
    'packages/sync': {
      entry: ['src/engine/read-worker-host.ts'],
    },
    'packages/app-runtime': {
      entry: ['src/read-worker.ts'],
    },
    'packages/db': {
      entry: ['src/index.ts', 'scripts/*.mjs'],
      // Imported only by the Prisma clients scripts/generate.mjs writes into src/generated
      // (gitignored, so unseen here), which tsc compiles at build time.
      ignoreDependencies: ['@prisma/client'],
    },
    'packages/*': {},
    'examples/*': {
      // A plugin's entries are read by the CLI's plugin loader (package.json `rimuru.adapters`)
      // and by the plugin's own users, never imported by a workspace package.
      includeEntryExports: false,
    },
  },
};

export default config;
