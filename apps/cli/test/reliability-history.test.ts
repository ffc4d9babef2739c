// @module-tag built
// @module-tag postgres
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@rimuru/test-utils';
import { makeSandbox, runCli } from './cli-harness.js';
import { S1, S3, writeClaudeFixture } from './claude-fixture-home.js';
import { storePath } from './reliability-harness.js';

/** Keeping history safe: backup/restore, export/import, delete and prune only when asked, doctor. */
describe('rimuru db backup|restore|export|import|prune, sessions delete, doctor', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const run = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...sandbox.env, ...extra });
  const sessionsJson = async (extra: Record<string, string> = {}) => {
    const r = await run(['sessions', '--no-sync', '--format', 'json', '--limit', '1000'], extra);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { id: string; externalId: string }[];
  };
  let original: { id: string; externalId: string }[];

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await writeClaudeFixture(sandbox.home);
    expect((await run(['sync'])).code).toBe(0);
    original = await sessionsJson();
    expect(original.length).toBe(3);
  });
  afterAll(() => sandbox.cleanup());

  it('backup, delete one session with --yes, restore: everything is back', async () => {
    const backup = join(sandbox.root, 'b.db');
    const b = await run(['db', 'backup', backup]);
    expect(b.code, b.stderr).toBe(0);
    const del = await run(['sessions', 'delete', S1.slice(0, 8), '--yes']);
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout).toMatch(/Deleted session/);
    expect((await sessionsJson()).map((s) => s.externalId)).not.toContain(S1);
    // A sync does not bring a deleted session back: its source was already read.
    expect((await run(['sync'])).code).toBe(0);
    expect((await sessionsJson()).map((s) => s.externalId)).not.toContain(S1);
    const restore = await run(['db', 'restore', backup, '--yes']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await sessionsJson()).toEqual(original);
  });

  it('export then import into a new embedded store and into PostgreSQL: identical sessions', async () => {
    const file = join(sandbox.root, 'h.ndjson');
    const e = await run(['db', 'export', file]);
    expect(e.code, e.stderr).toBe(0);
    const copy = join(sandbox.root, 'copy', 'rimuru.db');
    const i = await run(['db', 'import', file, '--db', copy]);
    expect(i.code, i.stderr).toBe(0);
    expect(await sessionsJson({ DATABASE_URL: copy })).toEqual(original);
    // Importing twice is refused: the store already holds history.
    const again = await run(['db', 'import', file, '--db', copy]);
    expect(again.code).toBe(2);
    const db = await createTestDatabase();
    try {
      const pg = await run(['db', 'import', file], { DATABASE_URL: db.url });
      expect(pg.code, pg.stderr).toBe(0);
      expect(await sessionsJson({ DATABASE_URL: db.url })).toEqual(original);
      const back = await run(['db', 'export', '-'], { DATABASE_URL: db.url });
      expect(back.stdout).toBe((await run(['db', 'export', '-'])).stdout);
    } finally {
      await db.drop();
    }
  });

  it('prune deletes only sessions that ended before the date, and only with --yes', async () => {
    const refused = await run(['db', 'prune', '--before', '2026-01-01']);
    expect(refused.code).toBe(2);
    expect(await sessionsJson()).toEqual(original);
    const pruned = await run(['db', 'prune', '--before', '2026-01-01', '--yes', '--timezone', 'UTC']);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect((await sessionsJson()).map((s) => s.externalId).sort()).toEqual(
      original
        .map((s) => s.externalId)
        .filter((x) => x !== S3)
        .sort(),
    );
  });

  it('doctor: all ok on a healthy store; on a corrupt one, a failing check that says what to fix', async () => {
    const ok = await run(['doctor', '--format', 'json']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout) as { ok: boolean; checks: { name: string; status: string }[] };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['config', 'store permissions', 'store integrity', 'store', 'claude-code data']),
    );
    const corruptEnv = { XDG_DATA_HOME: join(sandbox.root, 'bad') };
    expect((await run(['sync'], corruptEnv)).code).toBe(0);
    writeFileSync(storePath(corruptEnv), Buffer.alloc(32 * 1024, 0x33));
    const bad = await run(['doctor'], corruptEnv);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}store integrity/);
    expect(bad.stdout).toMatch(/fix: restore a backup/);
  });
});
