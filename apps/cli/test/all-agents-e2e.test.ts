// @module-tag built
import { cacheWriteTokens } from '@rimuru/core';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { generateCodexHome } from '@rimuru/test-utils/codex';
import { writeCopilotSampleHome, writeCursorSampleHome, type ExpectedSession } from '@rimuru/test-utils/sample-homes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';

type Json = Record<string, unknown>;

/**
 * Acceptance: one synthetic home holding all four agents with their tricky cases (Claude
 * streamed duplicates, subagents, sidechain replays, compaction; Codex re-emits, counter
 * resets, archived, legacy and thread_spawn files; Cursor composers of every vintage, BLOB
 * rows, zero tokens, a broken row, aichat tabs, a CLI chat; Copilot CLI runs of both layouts
 * and VS Code chats as JSON and mutation log) read by the real binary.
 */
describe('rimuru sessions on one home with all four agents', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const expected: ExpectedSession[] = [];

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const claude = await generateClaudeHome(sandbox.home, {
      sessions: 8,
      requestsPerSession: 6,
      seed: 31,
      subagentEvery: 3,
      compactionEvery: 4,
    });
    for (const s of claude.sessions) {
      expected.push({
        agentType: 'claude-code',
        externalId: s.sessionId,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        projectPath: s.projectPath,
        models: s.models,
        requestCount: s.requestCount,
        tokens: {
          input: s.tokens.input,
          output: s.tokens.output,
          cacheRead: s.tokens.cacheRead,
          cacheWrite: cacheWriteTokens(s.tokens),
          reasoning: s.tokens.reasoning,
        },
      });
    }
    const codex = await generateCodexHome(sandbox.home, {
      sessions: 8,
      requestsPerSession: 6,
      seed: 17,
      archiveEvery: 3,
      legacyEvery: 4,
      spawnEvery: 3,
    });
    for (const s of codex.sessions) {
      expected.push({
        agentType: 'codex',
        externalId: s.id,
        startedAt: s.startedAt ?? '',
        endedAt: s.endedAt ?? '',
        projectPath: s.projectPath,
        models: s.models,
        requestCount: s.requests,
        tokens: s.tokensKnown
          ? {
              input: s.tokens.input,
              output: s.tokens.output,
              cacheRead: s.tokens.cacheRead,
              cacheWrite: 0,
              reasoning: s.tokens.reasoning,
            }
          : null,
      });
    }
    expected.push(...writeCursorSampleHome(sandbox.home), ...(await writeCopilotSampleHome(sandbox.home)));
  });
  afterAll(async () => sandbox?.cleanup());

  it('lists each session once, exact per session, with unknown tokens as null', async () => {
    const result = await runCli(['sessions', '--format', 'json', '--limit', '1000000'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    const sessions = JSON.parse(result.stdout) as Json[];
    const keys = sessions.map((s) => `${String(s.agentType)}/${String(s.externalId)}`);
    expect(new Set(keys).size, 'no session twice').toBe(keys.length);
    expect(keys.sort()).toEqual(expected.map((e) => `${e.agentType}/${e.externalId}`).sort());

    const byKey = new Map(sessions.map((s) => [`${String(s.agentType)}/${String(s.externalId)}`, s]));
    for (const e of expected) {
      const s = byKey.get(`${e.agentType}/${e.externalId}`);
      const t = e.tokens;
      expect(s, `${e.agentType}/${e.externalId}`).toMatchObject({
        status: 'completed',
        startedAt: e.startedAt,
        endedAt: e.endedAt,
        durationMs: Date.parse(e.endedAt) - Date.parse(e.startedAt),
        projectPath: e.projectPath,
        models: e.models,
        requestCount: e.requestCount,
        inputTokens: t?.input ?? null,
        outputTokens: t?.output ?? null,
        cacheReadTokens: t?.cacheRead ?? null,
        cacheWriteTokens: t?.cacheWrite ?? null,
        reasoningTokens: t?.reasoning ?? null,
        totalTokens: t === null ? null : t.input + t.output + t.cacheRead + t.cacheWrite,
      });
      // Without token data there is nothing to price: never an invented figure.
      if (t === null) expect(s, `${e.agentType}/${e.externalId}`).toMatchObject({ costSource: 'unknown', costUsd: 0 });
    }
  });

  it('gives Copilot chat sessions null tokens, and the same list again after a second sync', async () => {
    const again = await runCli(
      ['sessions', '--format', 'json', '--limit', '1000000', '--agent-type', 'copilot'],
      sandbox.env,
    );
    expect(again.code, again.stderr).toBe(0);
    const copilot = JSON.parse(again.stdout) as Json[];
    const chats = copilot.filter((s) => s.externalId === 'chat-a' || s.externalId === 'chat-b');
    expect(chats).toHaveLength(2);
    for (const chat of chats)
      expect(chat).toMatchObject({ totalTokens: null, inputTokens: null, costSource: 'unknown' });
    expect(copilot).toHaveLength(expected.filter((e) => e.agentType === 'copilot').length);
  });

  it('counts the broken Cursor row as a diagnostic of cursor in rimuru agents', async () => {
    const result = await runCli(['agents', '--format', 'json', '--no-sync'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    const agents = JSON.parse(result.stdout) as Json[];
    const byType = new Map(agents.map((a) => [a.type as string, a]));
    for (const type of ['claude-code', 'codex', 'cursor', 'copilot']) {
      expect(byType.get(type), type).toMatchObject({
        origin: 'builtin',
        detected: true,
        sessionCount: expected.filter((e) => e.agentType === type).length,
      });
    }
    expect(byType.get('cursor')?.diagnostics as number).toBeGreaterThanOrEqual(1);
    expect(byType.get('claude-code')?.diagnostics).toBe(0);
  });
});
