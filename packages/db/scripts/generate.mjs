#!/usr/bin/env node
// Build step before tsc: both Prisma clients (into src/generated, gitignored, compiled by tsc
// so dist works) and the embedded migrations. The Prisma CLI cannot download its schema
// engine on our machines, and `generate` does not need it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(packageRoot, '..', '..');
const require = createRequire(join(packageRoot, 'package.json'));
const prismaBin = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
for (const schema of ['prisma/schema.prisma', 'prisma/sqlite/schema.prisma']) {
  const result = spawnSync(process.execPath, [prismaBin, 'generate', '--schema', join(repoRoot, schema)], {
    cwd: packageRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    console.error(`prisma generate failed for ${schema}`);
    process.exit(result.status ?? 1);
  }
}

const embed = spawnSync(process.execPath, [join(packageRoot, 'scripts', 'embed-migrations.mjs')], { stdio: 'inherit' });
process.exit(embed.status ?? 1);
