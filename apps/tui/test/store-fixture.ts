import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AgentType, TokenCounts } from '@rimuru/core';
import { openStore, type IngestBatch, type SessionStore } from '@rimuru/db';

/** One session to write: its agent, span, project and requests (none: an agent that keeps no tokens). */
export interface FixtureSession {
  agentType: AgentType;
  id: string;
  firstAt: Date;
  lastAt: Date;
  projectPath?: string;
  /** Requests at `at` with `model`, `input` tokens and a cost; omitted: tokens unknown. */
  requests?: { at: Date; model: string; input: number; costNanos: bigint }[];
}

const tokens = (input: number): TokenCounts => ({
  input,
  output: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  reasoning: 0,
});

function batchOf(s: FixtureSession, n: number): IngestBatch {
  return {
    agentType: s.agentType,
    agentName: `${s.agentType}-default`,
    host: 'fixture-host',
    checkpoint: {
      agentType: s.agentType,
      path: `/fixture/${s.agentType}/${s.id}.jsonl`,
      device: '1',
      inode: String(n + 1),
      size: 1,
      mtimeMs: 1,
      headHash: 'h',
      headLength: 1,
      offset: 1,
      state: null,
      diagnosticCount: 0,
    },
    usage: (s.requests ?? []).map((r, i) => ({
      event: {
        type: 'usage',
        sessionExternalId: s.id,
        dedupeKey: `${s.id}-${i}`,
        rank: 1,
        replayKey: null,
        isReplayCopy: false,
        occurredAt: r.at.toISOString(),
        model: r.model,
        tokens: tokens(r.input),
        recordedCostUsd: null,
        speed: null,
        line: i + 1,
      },
      calculatedCostNanos: r.costNanos,
      recordedCostNanos: null,
      priced: true,
    })),
    activity: [
      {
        type: 'activity',
        sessionExternalId: s.id,
        firstAt: s.firstAt.toISOString(),
        lastAt: s.lastAt.toISOString(),
        projectPath: s.projectPath ?? null,
        parentExternalId: null,
        tokensKnown: s.requests !== undefined,
        title: null,
      },
    ],
    diagnosticCount: 0,
  };
}

/** Writes `sessions` into the embedded store at `path` (created when missing), as a sync would. */
export async function writeFixtureSessions(path: string, sessions: readonly FixtureSession[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const store = await openStore({ dialect: 'sqlite', path });
  try {
    await ingestAll(store, sessions);
  } finally {
    await store.close();
  }
}

async function ingestAll(store: SessionStore, sessions: readonly FixtureSession[]): Promise<void> {
  for (const [i, s] of sessions.entries()) await store.ingest(batchOf(s, i));
}

/** A fresh embedded store in a temp dir holding `sessions`; `dispose` closes and removes it. */
export async function fixtureStore(
  sessions: readonly FixtureSession[],
): Promise<{ store: SessionStore; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rimuru-tui-store-'));
  const store = await openStore({ dialect: 'sqlite', path: join(dir, 'store.db') });
  await ingestAll(store, sessions);
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
