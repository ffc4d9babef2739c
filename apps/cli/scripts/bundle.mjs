// Bundles the CLI into dist/ with esbuild. Without it a command's start-up is mostly Node
// resolving, reading and compiling modules one by one: @oclif/core alone is ~160 CommonJS
// files. Here oclif, the CLI's sources, the workspace packages only the CLI uses and their
// pure-JS dependencies become a few files.
//
// Entry points are src/main.ts (what bin/run.js starts), one per command under
// dist/commands/, so oclif's pattern strategy and the manifest work as before and a command
// loads only its own code, and the read workers' entry (dist/read-worker.js, see READ_WORKER). Code shared between entries goes to dist/chunks/ (one copy of
// oclif for all of them); a dynamic import() becomes its own chunk, loaded on use.
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Left to Node at run time, resolved from this package's own dependencies:
 * - @rimuru/core and @rimuru/db: @rimuru/db imports @rimuru/core itself, and two copies of
 *   core in one process would cost twice the start-up; db also owns the database drivers.
 * - rimuru-tui: a separate app, loaded only by `rimuru tui`.
 * - libsql: a native module (the Cursor adapter reads Cursor's SQLite files with it).
 * - typescript: oclif only looks for it when it runs a TypeScript plugin in development.
 */
const EXTERNAL = ['@rimuru/core', '@rimuru/db', 'rimuru-tui', 'libsql', 'typescript'];

// What is bundled is a devDependency in package.json (needed to build, not to run).

/**
 * The entry of the sync's read worker threads: @rimuru/app-runtime's, which serves the
 * built-in adapters from their registry. Bundled like the commands (it shares their chunks),
 * to dist/read-worker.js, where src/sync-options.ts finds it from the CLI's root at run time.
 */
const READ_WORKER = { in: '@rimuru/app-runtime/read-worker', out: 'read-worker' };

/**
 * `rimuru statusline`'s lean entry (dist/statusline.js): bin/run.js starts it without oclif,
 * since Claude Code runs it on every update of a conversation (src/statusline/statusline-main.ts).
 */
const STATUSLINE = { in: 'src/statusline/statusline-main.ts', out: 'statusline' };

/**
 * CommonJS code inside an ES module bundle (oclif and most of its dependencies) still calls
 * require() and reads __filename/__dirname: give every output file Node's own versions.
 */
const COMMONJS_GLOBALS = [
  "import { createRequire as __rimuruCreateRequire } from 'node:module';",
  "import { dirname as __rimuruDirname } from 'node:path';",
  "import { fileURLToPath as __rimuruFileURLToPath } from 'node:url';",
  'const require = __rimuruCreateRequire(import.meta.url);',
  'const __filename = __rimuruFileURLToPath(import.meta.url);',
  'const __dirname = __rimuruDirname(__filename);',
].join('\n');

/** oclif hooks (package.json oclif.hooks), each its own entry under dist/hooks/. */
const HOOK_ENTRIES = ['src/hooks/command-not-found.ts'];

function commandEntries() {
  return readdirSync(new URL('../src/commands', import.meta.url), { recursive: true })
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => `src/commands/${file}`);
}

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts', ...commandEntries(), ...HOOK_ENTRIES, READ_WORKER, STATUSLINE],
  outdir: 'dist',
  outbase: 'src',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  banner: { js: COMMONJS_GLOBALS },
  // With node --enable-source-maps, stack traces (--verbose, DEBUG) point at the TypeScript sources.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
});

// Files are overwritten in place, as tsc does, so a CLI started during a rebuild does not find
// dist/ missing. Chunk names carry a content hash: afterwards, remove what this build did not write.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => join(root, file)));
const dist = join(root, 'dist');
const entries = readdirSync(dist, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  const file = join(entry.parentPath, entry.name);
  if (entry.isFile() && !written.has(file)) rmSync(file);
}
// Deepest first, so a folder emptied of empty folders goes too.
for (const dir of entries
  .filter((e) => e.isDirectory())
  .map((e) => join(e.parentPath, e.name))
  .sort()
  .reverse()) {
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

const outputs = [...written].filter((file) => file.endsWith('.js'));
process.stdout.write(`bundle: ${outputs.length} files in dist/\n`);
