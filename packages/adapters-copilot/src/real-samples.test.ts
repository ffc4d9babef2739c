import { readFileSync } from 'node:fs';
import type { ReadPosition } from '@rimuru/core';
import { collectEvents, mergeActivity, ofType, tokensBySession } from '@rimuru/test-utils/copilot';
import {
  ccusageClasses,
  describeRealSamples,
  oracleClasses,
  oracleUnits,
  samplePath as sample,
} from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { readCliEvents } from './cli/read-events.js';
import { parseChatSession } from './vscode/chat-session.js';
import { readChatSession } from './vscode/read-chat-session.js';

const START: ReadPosition = { offset: 0, state: null };

/** The samples are named by where they sat upstream, not by Copilot's layout: pick the reader by format. */
function readSample(relative: string) {
  const path = sample(relative);
  return collectEvents(path.endsWith('.json') ? readChatSession(path, 'linux') : readCliEvents(path, START));
}

describeRealSamples('real Copilot samples', ['copilot'], () => {
  it('matches ccusage 20.0.24 token totals on every unit (ccusage reports no session where we emit no usage)', async () => {
    const units = oracleUnits('copilot (bonus)');
    expect(units.length).toBe(7);
    for (const unit of units) {
      const events = (await Promise.all(unit.files.map((f) => readSample(f.sample)))).flat();
      const ours = [...tokensBySession(events)].map(([id, t]) => [id, ...ccusageClasses(t)]);
      const theirs = unit.sessions.map((s) => [s.id, ...oracleClasses(s)]);
      expect(ours, unit.unit).toEqual(theirs);
    }
  });

  it('reads the cocopilot CLI session: shutdown usage, cwd project, no diagnostics', async () => {
    const events = await readSample('copilot/kryvoff__cocopilot/test/fixtures/events/synthetic-session.jsonl');
    expect(ofType(events, 'diagnostic')).toEqual([]);
    expect(
      ofType(events, 'usage').map((u) => [u.dedupeKey, u.model, u.occurredAt, u.recordedCostUsd, u.requestCount]),
    ).toEqual([
      // A run of three requests (`requests.count`): an aggregate, priced without the per-request tier.
      ['syn-test-001:evt-027:claude-sonnet-4', 'claude-sonnet-4', '2026-01-15T10:01:00.000Z', null, 3],
    ]);
    expect(mergeActivity(events).get('syn-test-001')).toMatchObject({
      firstAt: '2026-01-15T10:00:00.000Z',
      lastAt: '2026-01-15T10:01:00.000Z',
      projectPath: '/Users/dev/acme/widget-api',
      tokensKnown: true,
    });
  });

  it('reads the hand-written CLI files: activity, unknown tokens, diagnostics for trimmed fields', async () => {
    const malformed = await readSample('copilot/kryvoff__cocopilot/test/fixtures/events/malformed-and-unknown.jsonl');
    expect(ofType(malformed, 'diagnostic').map((d) => [d.code, d.line])).toEqual([
      ['invalid-json', 1],
      ['invalid-record', 3],
    ]);
    expect(mergeActivity(malformed).get('test-session-3')).toMatchObject({
      firstAt: '2026-02-15T10:00:00.000Z',
      lastAt: '2026-02-15T10:00:02.000Z',
    });

    const v1 = await readSample(
      'copilot/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/copilot/subdir_v1/aaaabbbb-1111-2222-3333-ccccddddeeee/events.jsonl',
    );
    expect(ofType(v1, 'diagnostic')).toEqual([]);
    expect(ofType(v1, 'usage')).toEqual([]);
    expect(mergeActivity(v1).get('aaaabbbb-1111-2222-3333-ccccddddeeee')).toMatchObject({
      projectPath: '/tmp/project',
      tokensKnown: false,
    });

    // Kitchen sink: 16 placeholder timestamps, and a shutdown whose only model row has no usage.
    const small = await readSample(
      'copilot/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/copilot/small.jsonl',
    );
    const codes = ofType(small, 'diagnostic').map((d) => d.code);
    expect(codes.filter((c) => c === 'invalid-record')).toHaveLength(16);
    expect(codes.filter((c) => c === 'missing-usage')).toHaveLength(1);
    expect(ofType(small, 'usage')).toEqual([]);
    expect(mergeActivity(small).get('copilot_stage0_small')).toMatchObject({
      firstAt: '2025-12-18T21:32:05.000Z',
      lastAt: '2025-12-18T21:32:20.000Z',
      projectPath: '/tmp/repo',
      tokensKnown: false,
    });
  });

  it('reads the real VS Code chat session as activity only, with its BYOK model and three requests', async () => {
    const relative = 'copilot/Piebald-AI__splitrail/src/analyzers/tests/source_data/copilot.json';
    const events = await readSample(relative);
    expect(ofType(events, 'diagnostic')).toEqual([]);
    expect(ofType(events, 'usage')).toEqual([]);
    expect(ofType(events, 'activity')).toEqual([
      {
        type: 'activity',
        sessionExternalId: 'f56f201a-672e-4cc5-ada9-4736258cc586',
        firstAt: new Date(1762883109992).toISOString(),
        lastAt: new Date(1762883917571).toISOString(),
        projectPath: null,
        parentExternalId: null,
        tokensKnown: false,
        title: 'Adding a debug option to the application',
        models: ['generic-copilot/litellm/anthropic/claude-haiku-4.5'],
        requestCount: 3,
      },
    ]);
    const parsed = parseChatSession(JSON.parse(readFileSync(sample(relative), 'utf8')), 'copilot');
    expect(parsed.kind === 'session' && parsed.summary).toMatchObject({
      requestCount: 3,
      models: ['generic-copilot/litellm/anthropic/claude-haiku-4.5'],
    });
  });

  it('reports the hand-written rajbos sessions (no dates at all) instead of dating them by mtime', async () => {
    for (const name of ['session-01-today.json', 'session-02-five-days-ago.json']) {
      const events = await readSample(
        `copilot/rajbos__github-copilot-token-usage/vscode-extension/test/fixtures/sample-session-data/chatSessions/${name}`,
      );
      expect(
        ofType(events, 'diagnostic').map((d) => d.code),
        name,
      ).toEqual(['invalid-record']);
      expect(ofType(events, 'activity'), name).toEqual([]);
      // Their invented result.promptTokens/outputTokens are never read as usage.
      expect(ofType(events, 'usage'), name).toEqual([]);
    }
  });
});
