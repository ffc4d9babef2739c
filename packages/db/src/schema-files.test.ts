import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MIGRATIONS } from './generated/migrations.js';
import { splitSqlStatements } from './split-sql.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(packageRoot, '..', '..');

describe('derived SQLite schema', () => {
  it('prisma/sqlite/schema.prisma is exactly what the derive script writes (--check)', () => {
    const result = spawnSync(process.execPath, [join(packageRoot, 'scripts', 'derive-sqlite-schema.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('strips native types, switches provider and output, says it is generated', async () => {
    const { deriveSqliteSchema } = await import('../scripts/derive-sqlite-schema.mjs');
    const derived = deriveSqliteSchema(readFileSync(join(repoRoot, 'prisma', 'schema.prisma'), 'utf8'));
    expect(derived).toMatch(/^\/\/ GENERATED FILE/);
    expect(derived).toContain('provider = "sqlite"');
    expect(derived).toContain('"../../packages/db/src/generated/sqlite"');
    expect(derived).not.toContain('@db.');
    expect(derived).not.toContain('postgresql');
  });

  it('detects drift', async () => {
    const { deriveSqliteSchema } = await import('../scripts/derive-sqlite-schema.mjs');
    const committed = readFileSync(join(repoRoot, 'prisma', 'sqlite', 'schema.prisma'), 'utf8');
    const canonical = readFileSync(join(repoRoot, 'prisma', 'schema.prisma'), 'utf8');
    expect(deriveSqliteSchema(canonical.replace('model Meta {', 'model Meta {\n  extra String?'))).not.toBe(committed);
  });
});

describe('migrations', () => {
  it('the embedded copies match prisma/migrations (rebuild after editing them)', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      for (const m of EMBEDDED_MIGRATIONS[dialect]) {
        const onDisk = readFileSync(join(repoRoot, 'prisma', 'migrations', dialect, `${m.name}.sql`), 'utf8');
        expect(m.sql, `${dialect}/${m.name}`).toBe(onDisk);
      }
    }
    expect(EMBEDDED_MIGRATIONS.postgres.map((m) => m.version)).toEqual(
      EMBEDDED_MIGRATIONS.sqlite.map((m) => m.version),
    );
  });

  it('both dialects create the same tables and indexes', () => {
    const names = (sql: string) =>
      splitSqlStatements(sql)
        .map((s) => /^CREATE (?:UNIQUE )?(?:TABLE|INDEX) "(\w+)"/.exec(s)?.[1])
        .filter((n): n is string => n !== undefined)
        .sort();
    const pg = EMBEDDED_MIGRATIONS.postgres[0]!.sql;
    const lite = EMBEDDED_MIGRATIONS.sqlite[0]!.sql;
    expect(names(lite)).toEqual(names(pg));
    expect(names(pg)).toContain('usage_records_agent_type_dedupe_key_key');
  });
});

describe('splitSqlStatements', () => {
  it('keeps a $$-quoted function body whole, its comment lines included', () => {
    const fn =
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  -- why\n  PERFORM 1;\n  RETURN NULL;\nEND $$';
    expect(
      splitSqlStatements(`${fn};\nCREATE TRIGGER t AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f();\n`),
    ).toEqual([fn, 'CREATE TRIGGER t AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f()']);
  });

  it('splits on line-final semicolons and drops comment lines', () => {
    expect(
      splitSqlStatements('-- c\nCREATE TABLE "a" (\n  "x" TEXT DEFAULT \';\'\n);\n\nCREATE INDEX "i" ON "a"("x");\n'),
    ).toEqual(['CREATE TABLE "a" (\n  "x" TEXT DEFAULT \';\'\n)', 'CREATE INDEX "i" ON "a"("x")']);
  });
});
