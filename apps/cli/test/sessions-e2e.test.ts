// @module-tag built
// @module-tag postgres
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';
import {
  EXPECTED,
  EXPECTED_DIAGNOSTICS,
  S1,
  S2,
  S3,
  S4,
  s4Completion,
  writeClaudeFixture,
  type FixtureFile,
} from './claude-fixture-home.js';

interface SessionJson {
  id: string;
  externalId: string;
  agentType: string;
  status: string;
  [key: string]: unknown;
}

describe.each(CLI_BACKENDS)('rimuru sessions on $name', ({ database }) => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let files: FixtureFile[];

  const sessions = async (...extra: string[]) => {
    const result = await runCli(['sessions', '--format', 'json', '--limit', '1000000', ...extra], env);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as SessionJson[];
  };
  const byExternal = (list: SessionJson[]) => new Map(list.map((s) => [s.externalId, s]));

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    files = await writeClaudeFixture(sandbox.home);
  });
  afterAll(async () => {
    await drop();
    await sandbox.cleanup();
  });

  it('lists each session once with exact token classes, times, project, models and status', async () => {
    const list = await sessions();
    const map = byExternal(list);
    expect(list).toHaveLength(3);
    expect(new Set(list.map((s) => s.externalId))).toEqual(new Set([S1, S2, S3]));
    for (const [externalId, expected] of Object.entries(EXPECTED)) {
      const s = map.get(externalId)!;
      expect(s, externalId).toBeDefined();
      expect(s).toMatchObject({
        ...expected,
        agentType: 'claude-code',
        agentName: 'claude-code-default',
        status: 'completed',
        reasoningTokens: 0,
      });
    }
    expect(map.get(S1)!.costSource).toBe('calculated');
    expect(map.get(S1)!.costUsd).toBeGreaterThan(0);
  });

  it('reads no transcript bytes when nothing changed and returns identical JSON', async () => {
    const first = await sessions();
    const sync = await runCli(['sync', '--format', 'json'], env);
    expect(sync.code, sync.stderr).toBe(0);
    const summary = JSON.parse(sync.stdout) as { bytesRead: number; sourcesRead: number; sourcesSeen: number };
    expect(summary.bytesRead).toBe(0);
    expect(summary.sourcesRead).toBe(0);
    expect(summary.sourcesSeen).toBe(files.length);
    expect(await sessions()).toEqual(first);
  });

  it('counts a partial last line once the agent completes it', async () => {
    expect(byExternal(await sessions()).has(S4)).toBe(false);
    await appendFile(files.at(-1)!.path, s4Completion());
    const s4 = byExternal(await sessions()).get(S4)!;
    expect(s4).toMatchObject({ inputTokens: 40, outputTokens: 2, totalTokens: 42, requestCount: 1 });
  });

  it('picks up appended lines on the next run', async () => {
    const s2File = files.find((f) => f.path.endsWith(`${S2}.jsonl`))!;
    const line = (await readFile(s2File.path, 'utf8')).trim().split('\n').at(-1)!;
    const appended = line
      .replaceAll('msg_F', 'msg_F2')
      .replaceAll('req_F', 'req_F2')
      .replaceAll('2026-11-21T09:00:10.000Z', '2026-11-21T09:30:00.000Z');
    await appendFile(s2File.path, `${appended}\n`);
    const s2 = byExternal(await sessions()).get(S2)!;
    expect(s2).toMatchObject({ inputTokens: 2, outputTokens: 4, requestCount: 2, endedAt: '2026-11-21T09:30:00.000Z' });
  });

  it('loses nothing and doubles nothing when the agent truncates or rewrites a transcript', async () => {
    const before = byExternal(await sessions());
    const s1File = files[0]!.path;
    // Rewritten in place: same name, only the first two lines left (e.g. after a compaction).
    const head = (await readFile(s1File, 'utf8')).split('\n').slice(0, 2).join('\n');
    await writeFile(s1File, `${head}\n`);
    const afterTruncate = byExternal(await sessions());
    expect(afterTruncate.get(S1)).toEqual(before.get(S1));
    // Restored to full length with the same content: re-read from the start, still counted once.
    await writeFile(s1File, files[0]!.content);
    expect(byExternal(await sessions()).get(S1)).toEqual(before.get(S1));
  });

  it('filters by agent type, project and dates', async () => {
    expect((await sessions('--project', 'proj-b')).map((s) => s.externalId)).toEqual([S2]);
    expect(await sessions('--agent-type', 'codex')).toEqual([]);
    const since = await sessions('--since', '2026-11-21');
    expect(new Set(since.map((s) => s.externalId))).toEqual(new Set([S2, S4]));
    const until = await sessions('--until', '2025-12-31');
    expect(until.map((s) => s.externalId)).toEqual([S3]);
  });

  it('shows one session by id prefix with a per-model breakdown', async () => {
    const s1 = byExternal(await sessions()).get(S1)!;
    const result = await runCli(['sessions', 'show', s1.id.slice(0, 8), '--format', 'json'], env);
    expect(result.code, result.stderr).toBe(0);
    const detail = JSON.parse(result.stdout) as {
      id: string;
      byModel: { model: string; requestCount: number; totalTokens: number }[];
    };
    expect(detail.id).toBe(s1.id);
    const models = Object.fromEntries(detail.byModel.map((m) => [m.model, m]));
    expect(models['claude-sonnet-4-5-20250929']).toMatchObject({ requestCount: 2, totalTokens: 1720 + 1300 });
    expect(models['claude-haiku-4-5-20251001']).toMatchObject({ requestCount: 1, totalTokens: 12 });
    const byExternalId = await runCli(['sessions', 'show', S3, '--format', 'json'], env);
    expect(JSON.parse(byExternalId.stdout)).toMatchObject({ externalId: S3, costUsd: 0.75, costSource: 'recorded' });
  });

  it('reports stats for a range from usage records inside it', async () => {
    const result = await runCli(['sessions', 'stats', '--range', 'all', '--format', 'json'], env);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout) as Record<string, number>;
    expect(stats.totalSessions).toBe(4);
    expect(stats.completedSessions).toBe(4);
    expect(stats.totalTokens).toBe(3062 + 6 + 22 + 42);
    expect(stats.totalDurationMs).toBe(300_000 + 30 * 60_000 + 30_000 + 0);
  });
});

describe('rimuru sync summary and bad input', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  beforeAll(async () => {
    sandbox = await makeSandbox();
    await writeClaudeFixture(sandbox.home);
  });
  afterAll(async () => sandbox.cleanup());

  it('counts garbage lines in the summary and imports the rest', async () => {
    const result = await runCli(['sync'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`${EXPECTED_DIAGNOSTICS} malformed lines skipped`));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown flag with one line and exit 2', async () => {
    const result = await runCli(['sessions', '--bogus'], sandbox.env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bogus/);
  });

  it('rejects a bad --range with one line and exit 2', async () => {
    const result = await runCli(['sessions', 'stats', '--range', 'fortnight'], sandbox.env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/fortnight/);
  });

  it('reports an unreachable DATABASE_URL in one line with exit 1, without the password', async () => {
    const result = await runCli(['sessions'], {
      ...sandbox.env,
      DATABASE_URL: 'postgres://rimuru:hunter2@127.0.0.1:1/rimuru',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('reports an unknown or ambiguous session id', async () => {
    const missing = await runCli(['sessions', 'show', 'ffffffff-nope', '--no-sync'], sandbox.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No session matches/);
  });

  it('keeps prompt and response text out of the store', async () => {
    const { readdir } = await import('node:fs/promises');
    const dataDir = `${sandbox.env.XDG_DATA_HOME}/rimuru`;
    const names = await readdir(dataDir);
    for (const name of names) {
      const bytes = await readFile(`${dataDir}/${name}`);
      expect(bytes.includes('SECRET-RESPONSE-TEXT')).toBe(false);
    }
  });
});
