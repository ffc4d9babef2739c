// Writes oclif.manifest.json after each build: with it, oclif imports only the command that
// runs instead of every command (and everything they import) to learn flags and ids, which
// is most of a simple command's start-up. Generated from the freshly built dist, never
// committed (.gitignore), so it cannot go stale in git and hide a new command.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const plugin = new Plugin({
  root,
  type: 'core',
  isRoot: true,
  ignoreManifest: true,
  errorOnManifestCreate: true,
  respectNoCacheDefault: true,
});
await plugin.load();
await writeFile(new URL('../oclif.manifest.json', import.meta.url), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
process.stdout.write(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands\n`);
