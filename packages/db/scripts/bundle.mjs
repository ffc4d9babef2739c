// Replaces tsc's dist/index.js with one file. Every program that opens a store (the CLI, the
// TUI) otherwise has Node resolve, read and compile some fifty modules one by one at start-up.
// Packages stay imports; the generated Prisma clients stay files of their own (they load their
// query compiler by relative path). Dynamic imports become chunks, so a driver's package imports
// stay inside its chunk: a SQLite read never loads the ORM's driver stack.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleLibrary } from '../../../scripts/bundle-library.mjs';

await bundleLibrary({
  build,
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/index.ts'],
  external: ['./generated/postgres/*', './generated/sqlite/*'],
  splitting: true,
});
