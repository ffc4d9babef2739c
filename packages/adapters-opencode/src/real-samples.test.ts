import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { collectEvents, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { opencodeAdapter } from './adapter.js';

// The corpus sits beside the repo (/work/shared next to /work/main); it is never copied in.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const oracleFile = join(samples, 'ccusage-oracle-more-agents.json');

interface OracleSession {
  sessionId: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  modelsUsed: string[];
}
interface OracleEntry {
  agent: string;
  unit?: string[];
  sessions: OracleSession[];
}

/** Where place-more-agents.sh puts an opencode sample under a home (relative to the home). */
function placeOf(sample: string): string | null {
  const inner = sample.slice(sample.indexOf('/', 'opencode/'.length) + 1);
  const marks: [string, string][] = [
    ['/.local/share/opencode/', '.local/share/opencode/'],
    ['/storage_v2/', '.local/share/opencode/storage/'],
    ['/storage_legacy/', '.local/share/opencode/storage/'],
  ];
  for (const [mark, to] of marks) {
    const at = `/${inner}`.indexOf(mark);
    if (at >= 0) return to + `/${inner}`.slice(at + mark.length);
  }
  return null;
}

/** The oracle's units: each a set of sample files ccusage read together, with its sessions. */
function units(): { files: string[]; sessions: OracleSession[] }[] {
  const oracle = JSON.parse(readFileSync(oracleFile, 'utf8')) as Record<string, OracleEntry>;
  const seen = new Map<string, { files: string[]; sessions: OracleSession[] }>();
  for (const [sample, entry] of Object.entries(oracle)) {
    if (entry.agent !== 'opencode') continue;
    const files = entry.unit ?? [sample];
    const key = [...files].sort().join('\n');
    if (!seen.has(key)) seen.set(key, { files, sessions: entry.sessions });
  }
  return [...seen.values()];
}

async function readUnit(files: string[]): Promise<AdapterEvent[]> {
  const home = await createTempHome('rimuru-opencode-real-');
  try {
    for (const file of files) {
      const to = placeOf(file);
      if (to === null) continue;
      await mkdir(dirname(join(home.dir, to)), { recursive: true });
      await copyFile(join(samples, file), join(home.dir, to));
    }
    const ctx = testAdapterContext({ homeDir: home.dir });
    const events: AdapterEvent[] = [];
    for (const source of await opencodeAdapter.discover(ctx)) events.push(...(await collectEvents(opencodeAdapter.read(source, { offset: 0, state: null }, ctx))));
    return events;
  } finally {
    await home.cleanup();
  }
}

describe.skipIf(!existsSync(oracleFile) || !existsSync(join(samples, 'opencode')))('real OpenCode samples vs ccusage', () => {
  it('has units to compare', () => {
    expect(units().length).toBeGreaterThanOrEqual(3);
  });

  // Samples hold no reasoning tokens, so ccusage's output (which leaves reasoning out) and ours
  // (which includes it) agree; with reasoning they would differ by it (README).
  it('gives ccusage 20.0.24 per-session totals for every unit', async () => {
    for (const unit of units()) {
      const events = await readUnit(unit.files);
      const totals = totalsBySession(usageEvents(events));
      const label = unit.files[0] ?? '';
      expect([...totals.keys()].sort(), label).toEqual(unit.sessions.map((s) => s.sessionId).sort());
      for (const s of unit.sessions) {
        const t = totals.get(s.sessionId);
        expect(t, `${label} ${s.sessionId}`).toBeDefined();
        if (t === undefined) continue;
        expect([t.tokens.input, t.tokens.output, t.tokens.cacheRead, t.tokens.cacheWrite5m + t.tokens.cacheWrite1h], s.sessionId).toEqual([
          s.inputTokens,
          s.outputTokens,
          s.cacheReadTokens,
          s.cacheCreationTokens,
        ]);
        expect(t.models).toEqual([...s.modelsUsed].sort());
      }
      if (unit.sessions.length === 0) {
        // Nothing to report: every session seen must say its tokens are unknown, not zero.
        const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
        expect(activities.length, label).toBeGreaterThan(0);
        for (const a of activities) expect(a.tokensKnown, `${label} ${a.sessionExternalId}`).toBe(false);
      }
      expect(events.filter((e) => e.type === 'diagnostic'), label).toEqual([]);
    }
  });

  it('takes project, title and times from the session file and the messages', async () => {
    const v2 = units().find((u) => u.files.some((f) => f.includes('storage_v2')));
    expect(v2).toBeDefined();
    const events = await readUnit(v2?.files ?? []);
    const small = events.filter((e): e is SessionActivity => e.type === 'activity' && e.sessionExternalId === 's_stage0_small');
    expect(small.length).toBeGreaterThan(0);
    expect(small.map((a) => a.projectPath)).toContain('/tmp/repo');
    expect(small.map((a) => a.title)).toContain('OpenCode Small');
    // The recorded "cost" of this hand-written message is an object, not dollars: not taken.
    const usage = usageEvents(events);
    expect(usage.map((u) => u.recordedCostUsd)).toEqual([null]);
    expect(usage[0]?.occurredAt).toBe(new Date(1730000102000).toISOString());
  });
});
