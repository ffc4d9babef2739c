// @module-tag built
// @module-tag postgres
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  canStartPrivatePostgres,
  runRawStoreSql,
  startPrivatePostgresWithPassword,
  type PrivatePostgres,
} from '@rimuru/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli, type CliResult } from './cli-harness.js';
import { appendLine, claudeLine } from './live-harness.js';

/*
 * The README's team-server roles, run verbatim (passwords filled in) on a private PostgreSQL
 * cluster with password authentication: the pushing role pushes and is refused everything
 * else, the reading role reads and is refused every write, and no password is ever printed.
 */
const OWNER_PW = 'Owner-pw-31c7';
const PUSH_PW = 'Push-pw-8d02';
const READ_PW = 'Read-pw-5e9b';
const SECRETS = [OWNER_PW, PUSH_PW, READ_PW];

/** The first ```sql block after "**Roles.**" in the README. */
function readmeRolesSql(): string {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const from = readme.indexOf('**Roles.**');
  const block = /```sql\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || block === null) throw new Error('README has no **Roles.** section with an sql block');
  return block[1]!;
}

function expectNoSecrets(r: CliResult): void {
  for (const secret of SECRETS) expect(r.stdout + r.stderr).not.toContain(secret);
}

describe.skipIf(!canStartPrivatePostgres())(
  'team server roles from the README (private cluster, scram-sha-256)',
  () => {
    let server: PrivatePostgres;
    let box: Awaited<ReturnType<typeof makeSandbox>>;
    const as = (user: string, password: string) => {
      const url = new URL(server.url(password));
      url.username = user;
      url.pathname = '/rimuru';
      return url.toString();
    };
    const ownerUrl = () => as('postgres', OWNER_PW);
    const pushUrl = () => as('rimuru_push', PUSH_PW);
    const readUrl = () => as('rimuru_read', READ_PW);

    beforeAll(async () => {
      server = await startPrivatePostgresWithPassword({ password: OWNER_PW });
      await server.query('CREATE DATABASE rimuru');
      box = await makeSandbox();
      box.env.RIMURU_HOST = 'dev-roles';
      const sid = 'a0a0a0a0-0000-4000-8000-0000000000a1';
      const file = join(box.home, '.claude', 'projects', '-w', `${sid}.jsonl`);
      for (let i = 0; i < 3; i++)
        await appendLine(
          file,
          claudeLine({
            sessionId: sid,
            cwd: '/w',
            at: new Date(Date.UTC(2026, 0, 1, 9, i)),
            id: `r${i}`,
            input: 100 + i,
            output: 10,
          }),
        );
      // The owner connects first: that migrates the schema the roles are granted on.
      const migrate = await runCli(['sessions', '--db', ownerUrl(), '--no-sync', '--format', 'json'], box.env);
      expect(migrate.code, migrate.stderr).toBe(0);
      const grants = readmeRolesSql()
        .replace("rimuru_push LOGIN PASSWORD 'change-me'", `rimuru_push LOGIN PASSWORD '${PUSH_PW}'`)
        .replace("rimuru_read LOGIN PASSWORD 'change-me'", `rimuru_read LOGIN PASSWORD '${READ_PW}'`);
      await runRawStoreSql({ dialect: 'postgres', url: ownerUrl() }, grants);
    }, 90_000);

    afterAll(async () => {
      server?.stop();
      await box?.cleanup();
    });

    it('the pushing role pushes (the summary names the server with its password masked)', async () => {
      const pushed = await runCli(['push', '--to', pushUrl()], box.env);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(pushed.stderr).toMatch(
        /Pushed 1 sessions?, 3 usage records from dev-roles to postgres:\/\/rimuru_push:\*\*\*@127\.0\.0\.1:\d+\/rimuru/,
      );
      expectNoSecrets(pushed);
      const again = await runCli(['push', '--to', pushUrl(), '--full', '--format', 'json'], box.env);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ sessions: 1, usageRecords: 3, host: 'dev-roles' });
      expect(again.stdout).toContain('rimuru_push:***@');
      expectNoSecrets(again);
    }, 60_000);

    it('the reading role reads the team view with --no-sync, --host included', async () => {
      const listed = await runCli(
        ['sessions', '--db', readUrl(), '--no-sync', '--format', 'json', '--host', 'dev-roles'],
        box.env,
      );
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { requestCount: number }[]).map((s) => s.requestCount)).toEqual([3]);
      const stats = await runCli(
        [
          'sessions',
          'stats',
          '--range',
          'all',
          '--db',
          readUrl(),
          '--no-sync',
          '--format',
          'json',
          '--host',
          'dev-roles',
        ],
        box.env,
      );
      expect(stats.code, stats.stderr).toBe(0);
      expect(JSON.parse(stats.stdout)).toMatchObject({ totalSessions: 1, inputTokens: 303 });
      const elsewhere = await runCli(
        [
          'sessions',
          'stats',
          '--range',
          'all',
          '--db',
          readUrl(),
          '--no-sync',
          '--format',
          'json',
          '--host',
          'dev-nobody',
        ],
        box.env,
      );
      expect(JSON.parse(elsewhere.stdout)).toMatchObject({ totalSessions: 0 });
      for (const args of [
        ['costs', 'summary', '--range', 'all'],
        ['report', 'daily', '--since', '2026-01-01'],
      ]) {
        const r = await runCli([...args, '--db', readUrl(), '--no-sync', '--format', 'json'], box.env);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expectNoSecrets(r);
      }
    }, 60_000);

    it('the pushing role may write nothing but what a push writes', async () => {
      for (const statement of [
        'DELETE FROM sessions',
        'TRUNCATE usage_records',
        'CREATE TABLE intruder (x int)',
        "UPDATE model_prices SET source = 'x'",
        "INSERT INTO meta (key, value) VALUES ('x', 'y')",
        'DROP TABLE usage_records',
      ]) {
        await expect(runRawStoreSql({ dialect: 'postgres', url: pushUrl() }, statement), statement).rejects.toThrow(
          /permission denied|must be owner/,
        );
      }
    });

    it('the reading role may write nothing: SQL is refused, and so is a push, in one line without the password', async () => {
      for (const statement of [
        "UPDATE sessions SET title = 'x'",
        'DELETE FROM usage_records',
        "INSERT INTO agents (id, type, name, host) VALUES (gen_random_uuid(), 'x', 'x', 'x')",
      ]) {
        await expect(runRawStoreSql({ dialect: 'postgres', url: readUrl() }, statement), statement).rejects.toThrow(
          /permission denied/,
        );
      }
      const refused = await runCli(['push', '--to', readUrl(), '--no-sync', '--full'], box.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/permission denied/);
      expect(
        refused.stderr
          .trimEnd()
          .split('\n')
          .filter((l) => l.startsWith('Error:')),
      ).toHaveLength(1);
      expectNoSecrets(refused);
    }, 60_000);

    it('a wrong password is refused in one line that shows neither password', async () => {
      const wrong = await runCli(['push', '--to', as('rimuru_push', 'not-the-Push-pw'), '--no-sync'], box.env);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/refused the credentials/);
      expect(wrong.stdout + wrong.stderr).not.toContain('not-the-Push-pw');
      expectNoSecrets(wrong);
    }, 60_000);
  },
);
