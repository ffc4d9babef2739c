import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SCHEMA = readFileSync(join(ROOT, 'prisma/schema.prisma'), 'utf8');

/** The ORM's model accessors (`db.usageRecord`, …): each model name with a lower-case first letter. */
const ACCESSORS = [...SCHEMA.matchAll(/^model (\w+) \{/gm)].map(([, name]) => name![0]!.toLowerCase() + name!.slice(1));
const METHODS = [
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'upsert',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'count',
  'groupBy',
  'aggregate',
];
const MODEL_CALL = new RegExp(`\\.(?:${ACCESSORS.join('|')})\\s*\\.\\s*(?:${METHODS.join('|')})\\s*\\(`);
/** The ORM's own transactions and raw calls: no file uses the client (the PostgreSQL runner is node-postgres). */
const CLIENT_CALL = /\$(?:transaction|queryRaw|executeRaw)(?:Unsafe)?\b/;
const GENERATED_IMPORT = /from ['"][^'"]*generated\/(?:postgres|sqlite)\/[^'"]*['"]/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'generated' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(?:ts|tsx|mts|cts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('one way to reach the store', () => {
  const files = ['packages', 'apps'].flatMap((top) => sources(join(ROOT, top)));
  const self = relative(ROOT, new URL(import.meta.url).pathname);

  it('finds the sources it scans', () => {
    expect(ACCESSORS).toEqual(expect.arrayContaining(['session', 'usageRecord', 'agent']));
    expect(files.length).toBeGreaterThan(50);
  });

  it('no file under packages/ or apps/ calls an ORM model method', () => {
    const offenders = files
      .filter((file) => relative(ROOT, file) !== self)
      .filter((file) => MODEL_CALL.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('no file touches the ORM client or imports a generated client', () => {
    const offenders = files
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== self)
      .filter((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        return CLIENT_CALL.test(text) || GENERATED_IMPORT.test(text);
      });
    expect(offenders).toEqual([]);
  });

  it('the patterns catch a model call and a client call', () => {
    expect(MODEL_CALL.test('await tx.usageRecord.deleteMany({ where })')).toBe(true);
    expect(MODEL_CALL.test('db.session\n  .findMany({})')).toBe(true);
    expect(MODEL_CALL.test('await store.sessions.list({})')).toBe(false);
    expect(CLIENT_CALL.test('db.$transaction(async (tx) => 1)')).toBe(true);
  });
});
