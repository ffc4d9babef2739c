import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openConnection, openStore } from './open-store.js';
import { sql } from './sql.js';
import { describeBackends } from './__test__/backends.js';
import { STORE_TABLES } from './store-tables.js';
import type { ColumnKind } from './table-rows.js';

const SCHEMA = readFileSync(new URL('../../../prisma/schema.prisma', import.meta.url), 'utf8');

const KIND_OF: Record<string, ColumnKind> = {
  String: 'text',
  Int: 'int',
  Float: 'float',
  BigInt: 'bigint',
  Boolean: 'bool',
  DateTime: 'date',
  Decimal: 'decimal',
};

/** Every scalar field of every model of the canonical schema: table → [field, column, kind]. */
function schemaColumns(): Map<string, [string, string, ColumnKind][]> {
  const tables = new Map<string, [string, string, ColumnKind][]>();
  for (const [, body] of SCHEMA.matchAll(/^model \w+ \{\n([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body!)![1]!;
    const columns: [string, string, ColumnKind][] = [];
    for (const line of body!.split('\n')) {
      const m = /^\s+(\w+)\s+(\w+)(\??)\s*(.*)$/.exec(line);
      if (m === null || KIND_OF[m[2]!] === undefined) continue;
      const column = /@map\("([^"]+)"\)/.exec(m[4]!)?.[1] ?? m[1]!;
      columns.push([m[1]!, column, KIND_OF[m[2]!]!]);
    }
    tables.set(table, columns);
  }
  return tables;
}

describe('row mappers', () => {
  it('mirror prisma/schema.prisma field by field (name, column, kind)', () => {
    const schema = schemaColumns();
    expect([...schema.keys()].sort()).toEqual(STORE_TABLES.map((t) => t.name).sort());
    for (const table of STORE_TABLES) {
      expect(table.spec.columns.map((c) => [c.field, c.column, c.kind])).toEqual(schema.get(table.name));
    }
  });
});

describeBackends('row mappers on $name', (backend) => {
  it('name exactly the columns of the migrated tables', async () => {
    const t = await backend.create();
    try {
      await (await openStore(t.target)).close();
      const conn = await openConnection(t.target);
      try {
        for (const table of STORE_TABLES) {
          const rows =
            conn.dialect === 'postgres'
              ? await conn.sql.query(sql`SELECT column_name AS name FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = ${table.name}`)
              : await conn.sql.query(sql`SELECT name FROM pragma_table_info(${table.name})`);
          expect(rows.map((r) => String(r.name)).sort()).toEqual(table.spec.columns.map((c) => c.column).sort());
        }
      } finally {
        await conn.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
