import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AdapterEvent, CheckpointEvent, ReadPosition } from '@rimuru/core';
import { codexTotalsBySession, drainEvents, eventsOfType } from '@rimuru/test-utils/codex';
import {
  ccusageClasses,
  describeRealSamples,
  oracleClasses,
  oracleUnits,
  samplePath,
  type TokenClasses,
} from '@rimuru/test-utils/real-samples';
import { glob } from 'tinyglobby';
import { expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, readRollout, type ReadLimits } from './read-rollout.js';

const codexDir = samplePath('codex');

/**
 * Files where Rimuru and ccusage 20.0.24 legitimately differ, with Rimuru's totals
 * (input, output, cacheRead, cacheWrite). None so far: keep the map for future samples.
 */
const KNOWN_DIFFERENCES: Record<string, TokenClasses> = {};

/**
 * Models ccusage invents: with no turn_context and no model on the event it falls back to
 * `gpt-5`. Rimuru keeps the model unknown (null) and the session shows as unpriced.
 */
const MODEL_DIFFERENCES: Record<string, string[]> = {
  codex_053_rate_limit: [],
};

const START: ReadPosition = { offset: 0, state: null };
const read = (path: string, from: ReadPosition = START, limits?: ReadLimits) =>
  drainEvents(readRollout(path, from, limits));

function stem(path: string): string {
  return basename(path).replace(/\.jsonl$/, '');
}

function lastCheckpoint(events: AdapterEvent[]): CheckpointEvent | undefined {
  return eventsOfType(events, 'checkpoint').at(-1);
}

describeRealSamples('real Codex samples', ['codex'], () => {
  it('reads every file without throwing, consuming all complete lines', async () => {
    const files = await glob('**/*.jsonl', { cwd: codexDir, absolute: true, onlyFiles: true });
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const bytes = await readFile(file);
      const events = await read(file);
      expect(lastCheckpoint(events)?.offset, file).toBe(bytes.lastIndexOf(0x0a) + 1);
      expect(eventsOfType(events, 'activity').length, file).toBeGreaterThan(0);
    }
  });

  it('matches ccusage per file (tokens and models), except documented differences', async () => {
    const units = oracleUnits('codex');
    expect(units.length).toBeGreaterThan(20);
    let compared = 0;
    for (const unit of units) {
      for (const { sample } of unit.files) {
        const path = samplePath(sample);
        const events = await read(path);
        const totals = [...codexTotalsBySession(events).values()];
        const expected = unit.sessions.find((s) => s.sessionFile === stem(path));
        const label = `${unit.unit} ${stem(path)}`;
        if (expected === undefined) {
          expect(eventsOfType(events, 'usage'), label).toEqual([]);
          continue;
        }
        expect(totals.length, label).toBe(1);
        const got = totals[0]!;
        const gotTotals = ccusageClasses(got.tokens);
        const want = KNOWN_DIFFERENCES[stem(path)] ?? oracleClasses(expected);
        expect(gotTotals, label).toEqual(want);
        if (KNOWN_DIFFERENCES[stem(path)] === undefined) {
          expect(got.models, label).toEqual(MODEL_DIFFERENCES[stem(path)] ?? [...expected.models].sort());
          if (expected.reasoningOutputTokens !== undefined)
            expect(got.tokens.reasoning, label).toBe(expected.reasoningOutputTokens);
        }
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(13);
  });

  it('counts a Codex Desktop 0.104 session once although half its token_count events are re-emits', async () => {
    const path = join(
      codexDir,
      'madshn__localpush/src-tauri/tests/fixtures/codex/2026-02-23/raw/sessions/rollout-2026-02-23T12-54-34-019c8a59-e9dd-71f0-9ae3-4079fe9726a9.jsonl',
    );
    const events = await read(path);
    const usage = eventsOfType(events, 'usage');
    expect(usage.length).toBe(286);
    expect(new Set(usage.map((u) => u.dedupeKey)).size).toBe(usage.length);
    expect(
      usage.every((u) => u.sessionExternalId === '019c8a59-e9dd-71f0-9ae3-4079fe9726a9' && u.model === 'gpt-5.3-codex'),
    ).toBe(true);
    const activity = eventsOfType(events, 'activity');
    expect(activity.every((a) => a.projectPath === '/redacted/path/59b923df4d' && a.tokensKnown)).toBe(true);
  });

  it('reports the 0.128 Desktop file without token_count as a session with unknown tokens', async () => {
    const path = join(
      codexDir,
      'codemie-ai__codemie-code/src/agents/plugins/codex/__tests__/fixtures/rollout-2026-05-11T13-28-45-019e1695-0522-7c83-8b39-0dd379793f80.jsonl',
    );
    const events = await read(path);
    expect(eventsOfType(events, 'usage')).toEqual([]);
    expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    const activity = eventsOfType(events, 'activity');
    expect(activity.length).toBeGreaterThan(0);
    expect(
      activity.every((a) => !a.tokensKnown && a.sessionExternalId === '019e1695-0522-7c83-8b39-0dd379793f80'),
    ).toBe(true);
    // The session was created (payload.timestamp) a minute before its first line was written.
    expect(activity[0]?.firstAt).toBe('2026-05-11T10:28:45.482Z');
    expect(activity[0]?.projectPath).toBe('/Users/Sample_User/naya');
  });

  it('gives the same events resumed from any checkpoint as in one read (largest files)', async () => {
    const files = [
      'madshn__localpush/src-tauri/tests/fixtures/codex/2026-02-23/raw/sessions/rollout-2026-02-23T12-54-34-019c8a59-e9dd-71f0-9ae3-4079fe9726a9.jsonl',
      'codemie-ai__codemie-code/src/agents/plugins/codex/__tests__/fixtures/rollout-2026-05-11T11-26-55-019e1625-789d-76c0-80ab-3724b5ddb799.jsonl',
      'jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/codex/small.jsonl',
    ].map((f) => join(codexDir, f));
    const limits = { ...DEFAULT_READ_LIMITS, checkpointLines: 13, checkpointBytes: 200_000 };
    for (const file of files) {
      const full = await read(file, START, limits);
      const checkpoints = eventsOfType(full, 'checkpoint');
      expect(checkpoints.length, file).toBeGreaterThan(3);
      for (const cut of [checkpoints[1]!, checkpoints[Math.floor(checkpoints.length / 2)]!]) {
        const index = full.indexOf(cut);
        const resumed = await read(file, { offset: cut.offset, state: cut.state }, limits);
        expect(codexTotalsBySession([...full.slice(0, index + 1), ...resumed]), file).toEqual(
          codexTotalsBySession(full),
        );
        expect(eventsOfType([...full.slice(0, index + 1), ...resumed], 'usage'), file).toEqual(
          eventsOfType(full, 'usage'),
        );
        expect(lastCheckpoint(resumed), file).toEqual(lastCheckpoint(full));
      }
    }
  });
});
