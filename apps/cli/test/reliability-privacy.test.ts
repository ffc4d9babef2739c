// @module-tag built
// @module-tag postgres
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@rimuru/test-utils';
import { claudeAssistantLine, claudeUserLine } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';
import { storePath } from './reliability-harness.js';

const SID = 'feed0001-0000-4000-8000-00000000beef';
/** Content an agent recorded that must never reach the store. */
const PROMPT = 'PROMPT-CANARY-7f3a91';
const RESPONSE = 'RESPONSE-CANARY-c02d55';
const TOOL_OUTPUT = 'TOOL-OUTPUT-CANARY-e4b8a0';
const THINKING = 'THINKING-CANARY-19bd77';

function transcript(): string {
  const base = { sessionId: SID, cwd: '/home/dev/secret-project' };
  return (
    [
      claudeUserLine({ ...base, timestamp: '2026-01-01T00:00:00.000Z', text: PROMPT }),
      claudeAssistantLine({
        ...base,
        timestamp: '2026-01-01T00:00:05.000Z',
        model: 'claude-sonnet-4-5',
        messageId: 'msg_p1',
        requestId: 'req_p1',
        usage: { input: 10, output: 20 },
        content: [
          { type: 'thinking', thinking: THINKING },
          { type: 'text', text: RESPONSE },
          { type: 'tool_use', id: 'tu_1', name: 'Bash', input: { command: `echo ${PROMPT}` } },
        ],
      }),
      JSON.stringify({
        type: 'user',
        sessionId: SID,
        cwd: base.cwd,
        timestamp: '2026-01-01T00:00:06.000Z',
        uuid: 'u-tool',
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu_1', content: TOOL_OUTPUT }] },
        toolUseResult: { stdout: TOOL_OUTPUT, stderr: '' },
      }),
    ].join('\n') + '\n'
  );
}

describe('privacy and security', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const dir = join(sandbox.home, '.claude', 'projects', '-home-dev-secret-project');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${SID}.jsonl`), transcript());
    const sync = await runCli(['sync'], sandbox.env);
    expect(sync.code, sync.stderr).toBe(0);
  });
  afterAll(() => sandbox.cleanup());

  it('no prompt, response, thinking or tool-output text reaches the store, its WAL, or an export', async () => {
    const list = JSON.parse((await runCli(['sessions', '--no-sync', '--format', 'json'], sandbox.env)).stdout) as {
      externalId: string;
    }[];
    expect(list.map((s) => s.externalId)).toEqual([SID]);
    const exported = await runCli(['db', 'export'], sandbox.env);
    expect(exported.code, exported.stderr).toBe(0);
    const haystacks = [
      exported.stdout,
      ...['', '-wal', '-shm']
        .filter((s) => existsSync(storePath(sandbox.env) + s))
        .map((s) => readFileSync(storePath(sandbox.env) + s).toString('latin1')),
    ];
    for (const canary of [PROMPT, RESPONSE, TOOL_OUTPUT, THINKING]) {
      for (const text of haystacks) expect(text.includes(canary), canary).toBe(false);
    }
  });

  it('the store and everything beside it are 0600, its folder 0700; backups and exports too', async () => {
    const path = storePath(sandbox.env);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(path + suffix)) expect((statSync(path + suffix).mode & 0o777).toString(8), suffix).toBe('600');
    }
    const backup = join(sandbox.root, 'backup.db');
    expect((await runCli(['db', 'backup', backup], sandbox.env)).code).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const exportFile = join(sandbox.root, 'export.ndjson');
    expect((await runCli(['db', 'export', exportFile], sandbox.env)).code).toBe(0);
    expect(statSync(exportFile).mode & 0o777).toBe(0o600);
  });

  it('hostile values through every filter flag are data, not SQL: no error, no match, store unchanged', async () => {
    // (A NUL byte cannot be passed in argv at all, so it is not among them.)
    const hostile = ["x' OR '1'='1", "'; DROP TABLE sessions; --", '%_', '\\" OR ""="'];
    // Agent types and names are checked against the known ones first (exit 2, "Unknown agent
    // type"); project and host are free text that reaches the SQL as data.
    const calls = hostile.flatMap((value) => [
      ...['--project', '--host'].map((flag) => ({
        args: ['sessions', '--no-sync', '--format', 'json', flag, value],
        exit: 0,
        empty: true,
      })),
      ...['--agent-type', '--agent'].map((flag) => ({
        args: ['sessions', '--no-sync', '--format', 'json', flag, value],
        exit: 2,
        empty: false,
      })),
      { args: ['sessions', 'stats', '--no-sync', '--format', 'json', '--agent-type', value], exit: 2, empty: false },
      { args: ['sessions', 'show', value, '--no-sync'], exit: 1, empty: false },
    ]);
    for (let i = 0; i < calls.length; i += 6) {
      const batch = calls.slice(i, i + 6);
      const results = await Promise.all(batch.map((c) => runCli(c.args, sandbox.env)));
      results.forEach((result, j) => {
        const call = batch[j]!;
        expect(result.code, `${call.args.join(' ')}: ${result.stderr}`).toBe(call.exit);
        if (call.empty) expect(JSON.parse(result.stdout), call.args.join(' ')).toEqual([]);
      });
    }
    // '%' and '_' are LIKE wildcards: a project filter must treat them literally.
    const after = JSON.parse(
      (await runCli(['sessions', '--no-sync', '--format', 'json'], sandbox.env)).stdout,
    ) as unknown[];
    expect(after).toHaveLength(1);
  }, 180_000);

  it('a PostgreSQL password never appears in output, errors or doctor', async () => {
    const db = await createTestDatabase();
    try {
      // The test server trusts local connections, so the password is accepted and ignored:
      // every line Rimuru prints about this store is searched for it.
      const url = new URL(db.url);
      url.username = url.username || 'postgres';
      url.password = 'Pa55-W0rd-canary';
      const env = { ...sandbox.env, DATABASE_URL: url.toString() };
      const outputs = await Promise.all([
        runCli(['sync', '--verbose'], env),
        runCli(['sessions', '--verbose'], env),
        runCli(['agents', '--format', 'json'], env),
        runCli(['doctor'], env),
        runCli(['db', 'backup', join(sandbox.root, 'pg.db')], env),
        runCli(['sessions', 'show', 'nope', '--verbose'], env),
      ]);
      for (const r of outputs) expect(r.stdout + r.stderr).not.toContain('Pa55-W0rd-canary');
      expect(outputs[3].stdout).toContain('***');
    } finally {
      await db.drop();
    }
  }, 120_000);
});
