// @module-tag built
// @module-tag postgres
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPrivatePostgresWithPassword, type PrivatePostgres } from '@rimuru/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli, type CliResult } from './cli-harness.js';
import { appendLine, claudeLine } from './live-harness.js';

/*
 * Wrong passwords and TLS against real servers. The shared test server trusts every local
 * connection and has no TLS, so each suite starts a private PostgreSQL 15 cluster of its own
 * (scram-sha-256; the TLS one also refuses unencrypted TCP) and removes it afterwards.
 */
const INITDB = '/usr/lib/postgresql/15/bin/initdb';
const RIGHT = 'Rimuru-right-7f3a';
const WRONG = 'WRONG-pw-9c1e';
const hasOpenssl = ['/usr/bin/openssl', '/usr/local/bin/openssl', '/bin/openssl'].some((p) => existsSync(p));

type Sandbox = Awaited<ReturnType<typeof makeSandbox>>;

/** The `Error:` lines a run printed (the boundary prints exactly one per failure). */
const errorLines = (r: CliResult) => r.stderr.split('\n').filter((line) => line.startsWith('Error:'));

function expectNoSecrets(r: CliResult): void {
  for (const secret of [RIGHT, WRONG, encodeURIComponent(RIGHT)]) {
    expect(r.stdout).not.toContain(secret);
    expect(r.stderr).not.toContain(secret);
  }
  // No stack trace without --verbose/DEBUG.
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

/** One clear line, exit 1: the contract of every failed command. */
function expectOneErrorLine(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expectNoSecrets(r);
}

async function tableExists(server: PrivatePostgres, table: string): Promise<boolean> {
  const rows = await server.query('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  return rows[0]?.['present'] === true;
}

describe.skipIf(!existsSync(INITDB))('PostgreSQL with a password (private scram-sha-256 cluster, no TLS)', () => {
  let server: PrivatePostgres;
  let box: Sandbox;

  beforeAll(async () => {
    server = await startPrivatePostgresWithPassword({ password: RIGHT });
    box = await makeSandbox();
  }, 60_000);

  afterAll(async () => {
    server?.stop();
    await box?.cleanup();
  });

  it('a wrong password: one line saying authentication failed, exit 1, neither password printed', async () => {
    for (const args of [
      ['sessions', '--db', server.url(WRONG), '--format', 'json'],
      ['push', '--to', server.url(WRONG)],
    ]) {
      const r = await runCli(args, box.env);
      expectOneErrorLine(r, /^Error: .*authentication failed/);
      expect(r.stderr).toContain(`127.0.0.1:${server.port}`);
      expect(r.stdout).toBe('');
    }
    // Nothing half-written: the refused client created nothing on the server.
    expect(await tableExists(server, 'rimuru_migrations')).toBe(false);
  }, 60_000);

  it('the right password: `sessions --format json` migrates the empty server and lists nothing', async () => {
    const r = await runCli(['sessions', '--db', server.url(), '--format', 'json'], box.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expectNoSecrets(r);
    expect(await tableExists(server, 'rimuru_migrations')).toBe(true);
  }, 60_000);

  it('sslmode=require against a server without TLS fails (never silently downgraded), exit 1, no password', async () => {
    for (const args of [
      ['sessions', '--db', `${server.url()}?sslmode=require`, '--format', 'json'],
      ['push', '--to', `${server.url()}?sslmode=require`],
    ]) {
      const r = await runCli(args, box.env);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/server does not support SSL/);
      expectNoSecrets(r);
    }
  }, 60_000);

  it('sslmode=require against a server without TLS prints exactly one line', async () => {
    const r = await runCli(['sessions', '--db', `${server.url()}?sslmode=require`, '--format', 'json'], box.env);
    expectOneErrorLine(r, /^Error: .*server does not support SSL/);
  }, 60_000);
});

describe.skipIf(!existsSync(INITDB) || !hasOpenssl)(
  'PostgreSQL over TLS (private cluster, self-signed certificate, TLS only)',
  () => {
    let server: PrivatePostgres;
    let box: Sandbox;
    let verified: string;

    beforeAll(async () => {
      server = await startPrivatePostgresWithPassword({ password: RIGHT, ssl: true });
      box = await makeSandbox();
      verified = `${server.url()}?sslmode=verify-full&sslrootcert=${encodeURIComponent(server.certFile ?? '')}`;
    }, 60_000);

    afterAll(async () => {
      server?.stop();
      await box?.cleanup();
    });

    it('a URL without sslmode is refused by a TLS-only server: proof the next tests really used TLS', async () => {
      const r = await runCli(['sessions', '--db', server.url(), '--format', 'json'], box.env);
      expectOneErrorLine(r, /^Error: .*no encryption/);
    }, 60_000);

    it('sslmode=verify-full with the server certificate: `push --to` sends a session over TLS, `sessions --db` reads it back', async () => {
      const id = '0e0e0e0e-0000-4000-8000-00000000ssl1';
      await appendLine(
        join(box.home, '.claude', 'projects', '-w-tls', `${id}.jsonl`),
        claudeLine({
          sessionId: id,
          cwd: '/w/tls',
          at: new Date(Date.UTC(2026, 0, 3, 12)),
          id: 'tls-1',
          input: 1234,
          output: 56,
        }),
      );
      const push = await runCli(['push', '--to', verified], box.env);
      expect(push.code).toBe(0);
      expect(push.stderr).toMatch(/^Pushed 1 sessions?, 1 usage records? /);
      expect(errorLines(push)).toEqual([]);
      expectNoSecrets(push);

      const read = await runCli(['sessions', '--db', verified, '--no-sync', '--format', 'json'], box.env);
      expect(read.stderr).toBe('');
      expect(read.code).toBe(0);
      const sessions = JSON.parse(read.stdout) as { externalId: string; inputTokens: number; outputTokens: number }[];
      expect(sessions.map((s) => [s.externalId, s.inputTokens, s.outputTokens])).toEqual([[id, 1234, 56]]);
      expectNoSecrets(read);
    }, 60_000);

    it('sslmode=require has libpq semantics: encrypted without checking the certificate, as hosting providers expect', async () => {
      const r = await runCli(
        ['sessions', '--db', `${server.url()}?sslmode=require`, '--no-sync', '--format', 'json'],
        box.env,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectNoSecrets(r);
    }, 60_000);
  },
);
