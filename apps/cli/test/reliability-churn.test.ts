// @module-tag built
import { appendFile, readFile, truncate, unlink, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claudeAssistantLine,
  generateClaudeHome,
  type ClaudeHomeTruth,
  type ClaudeSessionTruth,
} from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';
import { expectStoreMatchesTruth } from './reliability-harness.js';

/**
 * The agents' own churn: Claude Code deletes transcripts after 30 days and rewrites them on
 * resume/compact; a sync may read a file while the agent is appending to it. After every
 * change the store must hold exactly the truth: history kept, nothing lost, nothing doubled.
 */
describe('source churn', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let truth: ClaudeHomeTruth;
  let counter = 0;

  const sync = async () => {
    const r = await runCli(['sync', '--format', 'json'], sandbox.env);
    expect(r.code, r.stderr).toBe(0);
  };
  const mainFile = (s: ClaudeSessionTruth) => s.files.find((f) => f.endsWith(`${s.sessionId}.jsonl`))!;

  /** A new billed request inside the session's time span, added to the truth. */
  const newRequest = (s: ClaudeSessionTruth): string => {
    counter += 1;
    const input = 1000 + counter;
    const output = 7 * counter;
    s.tokens = { ...s.tokens, input: s.tokens.input + input, output: s.tokens.output + output };
    s.requestCount += 1;
    const mid = new Date((Date.parse(s.startedAt) + Date.parse(s.endedAt)) / 2).toISOString();
    return claudeAssistantLine({
      sessionId: s.sessionId,
      cwd: s.projectPath,
      timestamp: mid,
      model: s.models[0]!,
      messageId: `msg_churn_${counter}`,
      requestId: `req_churn_${counter}`,
      usage: { input, output },
    });
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    truth = await generateClaudeHome(sandbox.home, {
      sessions: 8,
      requestsPerSession: 10,
      seed: 5,
      subagentEvery: 3,
      compactionEvery: 4,
    });
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
  });
  afterAll(() => sandbox.cleanup());

  it('a deleted transcript (the agent’s 30-day cleanup) keeps its history', async () => {
    await unlink(mainFile(truth.sessions[0]!));
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
  });

  it('a truncated transcript keeps its history; written back in place, nothing is doubled', async () => {
    const path = mainFile(truth.sessions[1]!);
    const original = await readFile(path);
    await truncate(path, Math.floor(original.length / 2));
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
    await truncate(path, 0);
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
    await writeFile(path, original);
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
  });

  it('rewritten in place with the same bytes, and replaced by a different file of the same name', async () => {
    const s = truth.sessions[2]!;
    const path = mainFile(s);
    const original = await readFile(path, 'utf8');
    await writeFile(path, original);
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
    // A compaction-style rewrite: same records in another order, plus a new request.
    const lines = original.split('\n').filter((l) => l !== '');
    await writeFile(path, `${[...lines].reverse().join('\n')}\n${newRequest(s)}\n`);
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
  });

  it('a file growing while it is read, in chunks that split lines: exact once the writer stops', async () => {
    const s = truth.sessions[3]!;
    const path = mainFile(s);
    const payload = Array.from({ length: 40 }, () => `${newRequest(s)}\n`).join('');
    let cursor = 0;
    const writer = (async () => {
      let step = 1;
      while (cursor < payload.length) {
        // Chunk sizes that rarely align with line ends: many reads see a partial last line.
        const next = Math.min(payload.length, cursor + 97 * step + 13);
        await appendFile(path, payload.slice(cursor, next));
        cursor = next;
        step = (step % 7) + 1;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await Promise.all([writer, sync(), sync()]);
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
  });

  it('a partial last line is not counted until the agent completes it, then counted once', async () => {
    const s = truth.sessions[4]!;
    const path = mainFile(s);
    const before = structuredClone(s);
    const line = newRequest(s);
    await appendFile(path, line.slice(0, Math.floor(line.length / 2)));
    const pending = structuredClone(s);
    Object.assign(s, before);
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
    Object.assign(s, pending);
    await appendFile(path, `${line.slice(Math.floor(line.length / 2))}\n`);
    await sync();
    await sync();
    await expectStoreMatchesTruth(sandbox.env, truth);
  });
});
