#!/usr/bin/env node
// Derives prisma/sqlite/schema.prisma from the canonical PostgreSQL schema, mechanically:
// provider, generator output, and native types (`@db.*`) are the only differences.
// `--check` exits 1 when the committed file differs from what this script would write.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const canonicalPath = join(repoRoot, 'prisma', 'schema.prisma');
const derivedPath = join(repoRoot, 'prisma', 'sqlite', 'schema.prisma');

const HEADER = [
  '// GENERATED FILE, do not edit: derived from prisma/schema.prisma by',
  '// packages/db/scripts/derive-sqlite-schema.mjs (run it after editing the canonical schema).',
];

/** @param {string} canonical */
export function deriveSqliteSchema(canonical) {
  const lines = canonical.replace(/\r\n/g, '\n').split('\n');
  // The canonical file's leading comment block describes the canonical file; replace it.
  let start = 0;
  while (start < lines.length && (lines[start].startsWith('//') || lines[start].trim() === '')) start++;
  const body = lines.slice(start).map((line) =>
    line
      .replace(/provider(\s*)=(\s*)"postgresql"/, 'provider$1=$2"sqlite"')
      .replace(/"\.\.\/packages\/db\/src\/generated\/postgres"/, '"../../packages/db/src/generated/sqlite"')
      .replace(/\s+@db\.\w+(\([^)]*\))?/g, '')
      .replace(/\s+$/, ''),
  );
  return [...HEADER, '', ...body].join('\n');
}

function main() {
  const expected = deriveSqliteSchema(readFileSync(canonicalPath, 'utf8'));
  if (process.argv.includes('--check')) {
    let actual;
    try {
      actual = readFileSync(derivedPath, 'utf8');
    } catch {
      actual = null;
    }
    if (actual !== expected) {
      console.error(`${derivedPath} is out of date: run node packages/db/scripts/derive-sqlite-schema.mjs`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(dirname(derivedPath), { recursive: true });
  writeFileSync(derivedPath, expected);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
