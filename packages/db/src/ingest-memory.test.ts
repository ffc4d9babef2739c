import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionActivity } from '@rimuru/core';
import { Prng } from '@rimuru/test-utils/claude';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { KeyFilter } from './key-filter.js';
import { openStore } from './open-store.js';
import { rawSql, sql } from './sql.js';
import { SqliteRunner } from './sqlite-runner.js';
import type { IngestBatch, PricedUsage, SessionStore } from './store.js';

/**
 * The ingest memory (ingest-memory.ts) keeps sessions' sums as records are written and skips
 * lookups of keys a first import cannot have stored. Whatever happens, a store written with it
 * must equal, row for row and column for column (ids and updated_at included), the store that
 * reads everything back (RIMURU_INGEST_MEMORY=off): replacements across sessions, replay
 * copies dropped, re-read stretches, tokenless activity, failed transactions, and another
 * connection writing in between.
 */

const KEYS = 60;

function randomUsage(prng: Prng, agentType: string): PricedUsage {
  const replay = prng.int(0, 2) === 0 ? `r${prng.int(0, 4)}` : null;
  const recorded = prng.int(0, 4) === 0 ? BigInt(prng.int(0, 5000)) : null;
  return usage(
    {
      dedupeKey: `${agentType}-k${prng.int(0, KEYS - 1)}`,
      sessionExternalId: `s${prng.int(0, 4)}`,
      rank: prng.int(1, 3),
      replayKey: replay,
      isReplayCopy: replay !== null && prng.int(0, 1) === 0,
      occurredAt: at(prng.int(0, 90), prng.int(0, 999)),
      model: [null, 'm-a', 'm-b', '<synthetic>'][prng.int(0, 3)]!,
      tokens: tokens({
        input: prng.int(0, 900),
        output: prng.int(0, 900),
        cacheRead: prng.int(0, 5000),
        cacheWrite5m: prng.int(0, 70),
        cacheWrite1h: prng.int(0, 30),
        reasoning: prng.int(0, 10),
      }),
      line: prng.int(1, 500),
    },
    { calculatedCostNanos: BigInt(prng.int(0, 100_000)), recordedCostNanos: recorded, priced: prng.int(0, 5) !== 0 },
  );
}

function randomActivity(prng: Prng): SessionActivity {
  const first = prng.int(0, 120);
  return activity({
    sessionExternalId: `s${prng.int(0, 5)}`,
    firstAt: at(first),
    lastAt: at(first + prng.int(0, 30)),
    projectPath: prng.int(0, 2) === 0 ? null : `/p/${prng.int(0, 2)}`,
    parentExternalId: prng.int(0, 4) === 0 ? `s${prng.int(0, 5)}` : null,
    title: prng.int(0, 3) === 0 ? `t${prng.int(0, 3)}` : null,
    tokensKnown: prng.int(0, 2) !== 0,
    models: prng.int(0, 2) === 0 ? [['x', 'y', '<synthetic>'][prng.int(0, 2)]!] : undefined,
    requestCount: prng.int(0, 2) === 0 ? prng.int(1, 9) : undefined,
  });
}

function randomBatch(prng: Prng, file: number): IngestBatch {
  const agentType = prng.int(0, 3) === 0 ? 'codex' : 'claude-code';
  const usageCount = prng.int(0, 6);
  const b = batch({
    agentType,
    usage: Array.from({ length: usageCount }, () => randomUsage(prng, agentType)),
    activity: Array.from({ length: prng.int(0, 2) }, () => randomActivity(prng)),
    diagnosticCount: prng.int(0, 1),
  });
  return { ...b, checkpoint: { ...b.checkpoint, path: `/logs/f${file % 7}.jsonl`, offset: file * 10 } };
}

type Step =
  | { kind: 'group'; batches: IngestBatch[] }
  | { kind: 'failing'; batches: IngestBatch[] }
  | { kind: 'other-connection'; batch: IngestBatch };

function randomScript(seed: number): Step[] {
  const prng = new Prng(seed);
  const steps: Step[] = [];
  let file = 0;
  for (let i = 0; i < 26; i += 1) {
    const roll = prng.int(0, 12);
    const batches = Array.from({ length: prng.int(1, 5) }, () => randomBatch(prng, file++));
    if (roll === 0) {
      // A group that fails half-way (a malformed instant): rolled back, the memory must not keep any of it.
      const bad = randomBatch(prng, file++);
      bad.usage.push(usage({ dedupeKey: 'bad', occurredAt: 'not an instant' }));
      steps.push({ kind: 'failing', batches: [...batches, bad] });
    } else if (roll === 1) {
      steps.push({ kind: 'other-connection', batch: batches[0]! });
    } else {
      steps.push({ kind: 'group', batches });
    }
  }
  return steps;
}

/** Every row of every table, in a stable order, every column. */
async function dump(path: string): Promise<Record<string, unknown[]>> {
  const runner = SqliteRunner.open(path);
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of ['agents', 'sessions', 'usage_records', 'source_files', 'meta']) {
      out[table] = await runner.query(sql`SELECT * FROM ${rawSql(table)} ORDER BY 1`);
    }
    return out;
  } finally {
    runner.close();
  }
}

async function withMemory<T>(on: boolean, work: () => Promise<T>): Promise<T> {
  const previous = process.env.RIMURU_INGEST_MEMORY;
  if (on) delete process.env.RIMURU_INGEST_MEMORY;
  else process.env.RIMURU_INGEST_MEMORY = 'off';
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env.RIMURU_INGEST_MEMORY;
    else process.env.RIMURU_INGEST_MEMORY = previous;
  }
}

describe('ingest memory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rimuru-memory-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `script` into a fresh store with or without the memory; returns the store's rows and every result. */
  async function run(
    name: string,
    script: Step[],
    memory: boolean,
  ): Promise<{ rows: Record<string, unknown[]>; results: unknown[] }> {
    const path = join(dir, name, 'rimuru.db');
    let tick = Date.parse('2025-06-01T00:00:00.000Z');
    const now = () => new Date((tick += 1000));
    const results: unknown[] = [];
    const store: SessionStore = await openStore({ dialect: 'sqlite', path }, { now });
    try {
      for (const step of script) {
        if (step.kind === 'other-connection') {
          const other = await openStore({ dialect: 'sqlite', path }, { now });
          try {
            results.push(await withMemory(memory, () => other.ingestMany([step.batch])));
          } finally {
            await other.close();
          }
        } else if (step.kind === 'failing') {
          await expect(withMemory(memory, () => store.ingestMany(step.batches))).rejects.toThrow(/instant/);
        } else {
          results.push(await withMemory(memory, () => store.ingestMany(step.batches)));
        }
      }
    } finally {
      await store.close();
    }
    return { rows: await dump(path), results };
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'leaves exactly the store that reading everything back leaves (script %i)',
    async (seed) => {
      const script = randomScript(seed);
      const off = await run('off', script, false);
      const on = await run('on', script, true);
      expect(on.results).toEqual(off.results);
      expect(on.rows).toEqual(off.rows);
      expect((off.rows.usage_records ?? []).length).toBeGreaterThan(0);
    },
  );

  it('a first import skips lookups, and still finds a key written by an earlier group', async () => {
    const script: Step[] = [
      { kind: 'group', batches: [batch({ usage: [usage({ dedupeKey: 'k1', rank: 1, sessionExternalId: 'a' })] })] },
      {
        kind: 'group',
        batches: [
          batch({
            usage: [usage({ dedupeKey: 'k1', rank: 2, sessionExternalId: 'b', tokens: tokens({ output: 70 }) })],
          }),
        ],
      },
    ];
    const on = await run('on', script, true);
    const off = await run('off', script, false);
    expect(on.rows).toEqual(off.rows);
    expect(on.results[1]).toEqual([
      { usageInserted: 0, usageReplaced: 1, usageIgnored: 0, replaysDropped: 0, sessionsTouched: 2 },
    ]);
  });
});

describe('KeyFilter', () => {
  it('holds every key added, through growth, and rarely claims one it was not given', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 200_000; i += 1) filter.add(`msg_${i}:req_${i * 7}`);
    let missed = 0;
    for (let i = 0; i < 200_000; i += 1) if (!filter.mayHold(`msg_${i}:req_${i * 7}`)) missed += 1;
    let falsePositives = 0;
    for (let i = 0; i < 200_000; i += 1) if (filter.mayHold(`other_${i}`)) falsePositives += 1;
    expect(missed).toBe(0);
    expect(filter.size).toBeGreaterThan(199_990); // distinct hashes: a collision or two among 200k
    // About n / 2^32 per lookup: 200k × 200k / 2^32 ≈ 9.
    expect(falsePositives).toBeLessThan(40);
  });
});
