// Replaces tsc's dist/index.js with one file (tsc still writes the
// .d.ts files and the per-module .js beside them). Every program that imports @rimuru/core
// (the CLI, the TUI, @rimuru/db) otherwise has Node resolve, read and compile its ~35 modules
// one by one, which costs more at start-up than running them. The dependencies (zod, luxon,
// uuid) stay imports, loaded on demand (src/on-demand.ts).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleLibrary } from '../../../scripts/bundle-library.mjs';

await bundleLibrary({
  build,
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/index.ts'],
});
