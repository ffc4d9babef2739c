import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from './sql.js';
import { SqliteRunner } from './sqlite-runner.js';

describe('SqliteRunner', () => {
  let dir: string;
  let runner: SqliteRunner;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rimuru-runner-'));
    runner = SqliteRunner.open(join(dir, 'r.db'));
    await runner.execute(
      sql`CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME, flag BOOLEAN, big BIGINT, label TEXT)`,
    );
  });
  afterEach(() => {
    runner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores instants as the ORM does, booleans as 0/1, and integers past 2^53 exactly', async () => {
    const at = new Date('2026-01-05T10:00:49.304Z');
    const big = 2n ** 62n + 7n;
    await runner.execute(
      sql`INSERT INTO t (id, at, flag, big, label) VALUES (${1}, ${at}, ${true}, ${big}, ${undefined})`,
    );
    const [row] = await runner.query(sql`SELECT at, typeof(at) AS kind, flag, big, label FROM t`);
    expect(row).toEqual({ at: '2026-01-05T10:00:49.304+00:00', kind: 'text', flag: 1n, big, label: null });
    // Text comparison of such instants is time order: range filters bind Dates the same way.
    const [n] = await runner.query<{ n: bigint }>(
      sql`SELECT COUNT(*) AS n FROM t WHERE at >= ${new Date(at.getTime() + 1)}`,
    );
    expect(n?.n).toBe(0n);
  });

  it('rolls a failed transaction back and stays usable', async () => {
    await expect(
      runner.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO t (id) VALUES (${1})`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await runner.query(sql`SELECT id FROM t`)).toEqual([]);
    await runner.transaction((tx) => tx.execute(sql`INSERT INTO t (id) VALUES (${2})`));
    expect(await runner.query(sql`SELECT id FROM t`)).toEqual([{ id: 2n }]);
  });

  it('a statement issued while another caller holds a transaction waits for its end', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const writer = runner.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO t (id) VALUES (${1})`);
      await gate;
      await tx.execute(sql`INSERT INTO t (id) VALUES (${2})`);
    });
    await new Promise((r) => setTimeout(r, 10));
    const reader = runner.query(sql`SELECT COUNT(*) AS n FROM t`);
    release();
    await writer;
    // Not the half-written state (1 row) the connection held while the reader waited.
    expect(await reader).toEqual([{ n: 2n }]);
  });
});
