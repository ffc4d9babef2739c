// @module-tag built
// @module-tag postgres
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@rimuru/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';
import { appendLine, claudeLine } from './live-harness.js';

const HOMES = 3;
const SESSIONS_PER_HOME = 12;
const LINES_PER_SESSION = 5;
/** A transcript synced to two machines: the server must count it once. */
const SHARED = 'cccccccc-0000-4000-8000-00000000cccc';

/** The `push --format json` answer, as far as these tests read it. */
const pushed = (stdout: string) => JSON.parse(stdout) as { sessions: number; host: string };

const sid = (home: number, s: number) =>
  `${String(home).padStart(8, '0')}-0000-4000-8000-${String(s).padStart(12, '0')}`;

interface SessionJson {
  externalId: string;
  inputTokens: number;
  outputTokens: number;
  requestCount: number;
}

describe('rimuru push: three homes into one real PostgreSQL, at the same time, twice', () => {
  let db: TestDatabase;
  const boxes: Awaited<ReturnType<typeof makeSandbox>>[] = [];
  const expected = new Map<string, { input: number; output: number; requests: number }>();

  const transcriptOf = (home: number, id: string) =>
    join(boxes[home]!.home, '.claude', 'projects', `-p${home}`, `${id}.jsonl`);

  async function writeLines(home: number, id: string, from: number, count: number, shared = false): Promise<void> {
    const e = expected.get(id) ?? { input: 0, output: 0, requests: 0 };
    for (let i = from; i < from + count; i++) {
      const input = 100 * (home + 1) + i;
      const output = 7 * i + home + 1;
      await appendLine(
        transcriptOf(home, id),
        claudeLine({
          sessionId: id,
          cwd: `/w/${home}`,
          at: new Date(Date.UTC(2026, 0, 1, home, i)),
          id: `${id}-${i}`,
          input,
          output,
        }),
      );
      if (!shared || home === 0) {
        e.input += input;
        e.output += output;
        e.requests += 1;
      }
    }
    expected.set(id, e);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let h = 0; h < HOMES; h++) {
      const box = await makeSandbox();
      box.env.RIMURU_HOST = `machine-${h}`;
      boxes.push(box);
      for (let s = 0; s < SESSIONS_PER_HOME; s++) await writeLines(h, sid(h, s), 0, LINES_PER_SESSION);
    }
    // The same lines under the same session id on two machines (one dedupe key each).
    for (const h of [0, 1]) {
      for (let i = 0; i < 3; i++) {
        await appendLine(
          transcriptOf(h, SHARED),
          claudeLine({
            sessionId: SHARED,
            cwd: '/w/shared',
            at: new Date(Date.UTC(2026, 0, 2, 0, i)),
            id: `shared-${i}`,
            input: 1000,
            output: 10,
          }),
        );
      }
    }
    expected.set(SHARED, { input: 3000, output: 30, requests: 3 });
  }, 60_000);

  afterAll(async () => {
    for (const b of boxes) await b.cleanup();
    await db?.drop();
  });

  const pushAll = () => Promise.all(boxes.map((b) => runCli(['push', '--to', db.url, '--format', 'json'], b.env)));

  it('holds every session exactly once with exact tokens, and the second push sends only what changed', async () => {
    const first = await pushAll();
    for (const r of first) expect(r.code, r.stderr).toBe(0);
    expect(first.map((r) => pushed(r.stdout).sessions)).toEqual([
      SESSIONS_PER_HOME + 1,
      SESSIONS_PER_HOME + 1,
      SESSIONS_PER_HOME,
    ]);

    // New lines on one session per home, then everyone pushes again at once.
    for (let h = 0; h < HOMES; h++) await writeLines(h, sid(h, 0), LINES_PER_SESSION, 2);
    const second = await pushAll();
    for (const r of second) expect(r.code, r.stderr).toBe(0);
    expect(second.map((r) => pushed(r.stdout).sessions)).toEqual([1, 1, 1]);

    const listed = await runCli(
      ['sessions', '--db', db.url, '--no-sync', '--format', 'json', '--limit', '1000'],
      boxes[0]!.env,
    );
    expect(listed.code, listed.stderr).toBe(0);
    const sessions = JSON.parse(listed.stdout) as SessionJson[];
    expect(sessions).toHaveLength(HOMES * SESSIONS_PER_HOME + 1);
    expect(new Set(sessions.map((s) => s.externalId)).size).toBe(sessions.length);
    for (const s of sessions) {
      const e = expected.get(s.externalId);
      expect(e, s.externalId).toBeDefined();
      expect({ id: s.externalId, input: s.inputTokens, output: s.outputTokens, requests: s.requestCount }).toEqual({
        id: s.externalId,
        input: e!.input,
        output: e!.output,
        requests: e!.requests,
      });
    }

    // The host is recorded: each machine's own sessions are one --host filter away.
    const byHost = await runCli(
      ['sessions', '--db', db.url, '--no-sync', '--format', 'json', '--limit', '1000', '--host', 'machine-2'],
      boxes[0]!.env,
    );
    expect((JSON.parse(byHost.stdout) as SessionJson[]).map((s) => s.externalId).sort()).toEqual(
      Array.from({ length: SESSIONS_PER_HOME }, (_, s) => sid(2, s)).sort(),
    );

    // Nothing changed: a third push sends nothing; --full re-sends everything and changes nothing.
    const third = await runCli(['push', '--to', db.url, '--format', 'json', '--no-sync'], boxes[2]!.env);
    expect(pushed(third.stdout).sessions).toBe(0);
    const full = await runCli(['push', '--to', db.url, '--format', 'json', '--full'], boxes[2]!.env);
    expect(pushed(full.stdout).sessions).toBe(SESSIONS_PER_HOME);
    const after = await runCli(
      ['sessions', '--db', db.url, '--no-sync', '--format', 'json', '--limit', '1000'],
      boxes[0]!.env,
    );
    expect(JSON.parse(after.stdout)).toEqual(sessions);
  }, 120_000);

  it('push without a target is a usage error; team.url in the config is used', async () => {
    const box = boxes[2]!;
    const none = await runCli(['push', '--no-sync'], box.env);
    expect(none.code).toBe(2);
    const set = await runCli(['config', 'set', 'team.url', db.url], box.env);
    expect(set.code, set.stderr).toBe(0);
    const viaConfig = await runCli(['push', '--no-sync', '--format', 'json'], box.env);
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    expect(pushed(viaConfig.stdout).host).toBe('machine-2');
  }, 60_000);
});
