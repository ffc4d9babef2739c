// Replaces tsc's dist/index.js with one file (tsc still writes the .d.ts files and the
// per-module .js beside them, which the tests and the bundle's dynamic imports do not need).
// Every program that opens a store (the CLI, the TUI) otherwise has Node resolve, read and
// compile some fifty modules one by one at start-up. Packages stay imports; the generated
// Prisma clients stay files of their own (they load their query compiler by relative path)
// and, like the drivers, are imported only when a store of their dialect needs them.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/index.ts'],
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  // Dynamic imports become chunks of their own: a driver's package imports stay inside its chunk
  // instead of being hoisted into the entry, so a SQLite read never loads the ORM's driver stack.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  external: ['./generated/postgres/*', './generated/sqlite/*'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
