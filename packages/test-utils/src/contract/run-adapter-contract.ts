import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { AdapterContext, AdapterEvent, AgentAdapter, ReadPosition, SourceRef } from '@rimuru/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempHome, testAdapterContext, type TempHome } from '../fs-home.js';
import { applyBadBytes, badBytesArbitrary } from './bad-bytes.js';
import { eventProblem } from './event-shape.js';
import { eventView } from './event-view.js';
import { committed, FROM_START, readAll, resumePoint } from './read-all.js';

export interface AdapterContractOptions {
  adapter: AgentAdapter;
  /**
   * Writes the agent's data (with its tricky cases) into the empty home `dir`; returns the
   * environment variables the adapter needs to find it (e.g. `CODEX_HOME`), if any. Must be
   * deterministic: two homes built by it must hold the same files.
   */
  makeHome: (dir: string) => Promise<Record<string, string> | void>;
  /** `ctx.platform` (default `linux`). */
  platform?: string;
  /** Runs per property (default 12): bounded, so the suite stays fast for every adapter. */
  numRuns?: number;
  /** fast-check seed; default fixed so CI is reproducible (override with RIMURU_CONTRACT_SEED). */
  seed?: number;
}

const LF = 0x0a;

function describeSource(home: TempHome, source: SourceRef): string {
  return `${source.mode} ${relative(home.dir, source.path)}`;
}

function checkpoints(events: readonly AdapterEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'checkpoint' ? [e.offset] : []));
}

/** Contract failures as text, so a property failure names every broken rule at once. */
function readProblems(source: SourceRef, bytes: Buffer, events: readonly AdapterEvent[]): string[] {
  const problems = events.flatMap((e) => {
    const problem = eventProblem(e);
    return problem === null ? [] : [problem];
  });
  let previous = 0;
  for (const offset of checkpoints(events)) {
    if (offset < previous) problems.push(`checkpoint offset ${offset} after ${previous}`);
    if (offset > bytes.length) problems.push(`checkpoint offset ${offset} beyond the file's ${bytes.length} bytes`);
    // An append source may only stop after a complete line: the agent may still be writing the rest.
    if (source.mode === 'append' && offset > 0 && bytes[offset - 1] !== LF)
      problems.push(`checkpoint offset ${offset} inside a line`);
    previous = offset;
  }
  return problems;
}

/**
 * The shared adapter contract (design §5): every adapter, built-in or plugin, registers it
 * from its own test file. It checks detection on an empty home, deterministic discovery,
 * diagnostics instead of throws on arbitrary bad bytes, and that reading an append source in
 * resumed pieces (cut at arbitrary byte offsets, as while the agent is writing) gives what
 * one full read gives.
 */
export function runAdapterContract(options: AdapterContractOptions): void {
  const { adapter } = options;
  const numRuns = options.numRuns ?? 12;
  const envSeed = Number.parseInt(process.env.RIMURU_CONTRACT_SEED ?? '', 10);
  const seed = Number.isFinite(envSeed) ? envSeed : (options.seed ?? 20_260_101);
  const platform = options.platform ?? 'linux';

  describe(`adapter contract: ${adapter.id}`, () => {
    let home: TempHome;
    let ctx: AdapterContext;
    let sources: SourceRef[] = [];
    const originals = new Map<string, Buffer>();

    beforeAll(async () => {
      home = await createTempHome(`rimuru-contract-${adapter.id}-`);
      const env = (await options.makeHome(home.dir)) ?? {};
      ctx = testAdapterContext({ homeDir: home.dir, env, platform });
      sources = await adapter.discover(ctx);
      for (const source of sources) originals.set(source.path, await readFile(source.path));
    });
    afterAll(async () => home?.cleanup());

    const original = (source: SourceRef): Buffer => {
      const bytes = originals.get(source.path);
      if (bytes === undefined) throw new Error(`no original bytes of ${source.path}`);
      return bytes;
    };

    it('detects nothing and discovers nothing on an empty home', async () => {
      const empty = await createTempHome('rimuru-contract-empty-');
      try {
        const emptyCtx = testAdapterContext({ homeDir: empty.dir, platform });
        expect(await adapter.detect(emptyCtx)).toBe(false);
        expect(await adapter.discover(emptyCtx)).toEqual([]);
        expect(Array.isArray(await adapter.roots(emptyCtx))).toBe(true);
      } finally {
        await empty.cleanup();
      }
    });

    it('detects the home and discovers the same sources in the same order every time', async () => {
      expect(await adapter.detect(ctx)).toBe(true);
      expect(sources.length).toBeGreaterThan(0);
      expect(await adapter.discover(ctx)).toEqual(sources);
      // A second home built the same way (other inodes, other creation order) lists alike.
      const twin = await createTempHome(`rimuru-contract-${adapter.id}-twin-`);
      try {
        const twinEnv = (await options.makeHome(twin.dir)) ?? {};
        const twinSources = await adapter.discover(testAdapterContext({ homeDir: twin.dir, env: twinEnv, platform }));
        expect(twinSources.map((s) => describeSource(twin, s))).toEqual(sources.map((s) => describeSource(home, s)));
      } finally {
        await twin.cleanup();
      }
    });

    it('reads every source to a final checkpoint with well-formed events', async () => {
      for (const source of sources) {
        const events = await readAll(adapter, source, FROM_START, ctx);
        expect(readProblems(source, original(source), events), describeSource(home, source)).toEqual([]);
        expect(events.at(-1)?.type, describeSource(home, source)).toBe('checkpoint');
      }
    });

    it('turns arbitrary bad bytes into diagnostics and never throws', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), badBytesArbitrary, async (pick, bad) => {
          const source = sources[pick % sources.length] as SourceRef;
          const damaged = applyBadBytes(original(source), bad);
          await writeFile(source.path, damaged);
          try {
            const events = await readAll(adapter, source, FROM_START, ctx);
            expect(readProblems(source, damaged, events)).toEqual([]);
          } finally {
            await writeFile(source.path, original(source));
          }
        }),
        { numRuns, seed },
      );
    });

    it('reports a line or file that is plainly broken as a diagnostic', async () => {
      for (const source of sources) {
        const broken =
          source.mode === 'append'
            ? Buffer.concat([original(source), Buffer.from('{"this is": not json\n')])
            : Buffer.from('this is not what the agent writes\n');
        await writeFile(source.path, broken);
        try {
          const events = await readAll(adapter, source, FROM_START, ctx);
          expect(
            events.some((e) => e.type === 'diagnostic'),
            describeSource(home, source),
          ).toBe(true);
        } finally {
          await writeFile(source.path, original(source));
        }
      }
    });

    it('gives the same events resumed at arbitrary byte offsets as in one full read', async () => {
      const append = sources.filter((s) => s.mode === 'append');
      for (const source of sources.filter((s) => s.mode === 'snapshot')) {
        // Re-read whole on change: a second read from the first one's checkpoint says the same.
        const first = await readAll(adapter, source, FROM_START, ctx);
        const again = await readAll(adapter, source, resumePoint(first, FROM_START), ctx);
        expect(again, describeSource(home, source)).toEqual(first);
      }
      if (append.length === 0) return;
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), async (pick, cuts) => {
          const source = append[pick % append.length] as SourceRef;
          const full = original(source);
          const reference = eventView(committed(await readAll(adapter, source, FROM_START, ctx)));
          const points = [...new Set(cuts.map((c) => c % (full.length + 1)))].sort((a, b) => a - b);
          const events: AdapterEvent[] = [];
          let from: ReadPosition = FROM_START;
          try {
            // The agent is still writing: each read sees a longer prefix, often ending mid-line.
            for (const point of points) {
              const prefix = full.subarray(0, point);
              await writeFile(source.path, prefix);
              const got = await readAll(adapter, source, from, ctx);
              expect(readProblems(source, prefix, got)).toEqual([]);
              events.push(...committed(got));
              from = resumePoint(got, from);
            }
            await writeFile(source.path, full);
            events.push(...committed(await readAll(adapter, source, from, ctx)));
          } finally {
            await writeFile(source.path, full);
          }
          expect(eventView(events)).toEqual(reference);
        }),
        { numRuns, seed },
      );
    });
  });
}
