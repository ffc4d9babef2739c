import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import {
  ccusageClasses,
  describeRealSamples,
  moreAgentsEntries,
  oracleClasses,
  withPlacedSamples,
  type MoreAgentsSession,
} from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { opencodeAdapter } from './adapter.js';

/** The oracle's units: each a set of sample files ccusage read together, with its sessions. */
function units(): { files: string[]; sessions: MoreAgentsSession[] }[] {
  const seen = new Map<string, { files: string[]; sessions: MoreAgentsSession[] }>();
  for (const [sample, entry] of moreAgentsEntries('opencode')) {
    const files = entry.unit ?? [sample];
    const key = [...files].sort().join('\n');
    if (!seen.has(key)) seen.set(key, { files, sessions: entry.sessions });
  }
  return [...seen.values()];
}

/** Reads a unit's files placed in a temp home as place-more-agents.sh puts them (where ccusage read them). */
function readUnit(files: string[]): Promise<AdapterEvent[]> {
  return withPlacedSamples(opencodeAdapter, 'opencode', (events) => events, files);
}

describeRealSamples('real OpenCode samples vs ccusage', ['ccusage-oracle-more-agents.json', 'opencode'], () => {
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
        expect(ccusageClasses(t.tokens), s.sessionId).toEqual(oracleClasses(s));
        expect(t.models).toEqual([...s.modelsUsed].sort());
      }
      if (unit.sessions.length === 0) {
        // Nothing to report: every session seen must say its tokens are unknown, not zero.
        const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
        expect(activities.length, label).toBeGreaterThan(0);
        for (const a of activities) expect(a.tokensKnown, `${label} ${a.sessionExternalId}`).toBe(false);
      }
      expect(
        events.filter((e) => e.type === 'diagnostic'),
        label,
      ).toEqual([]);
    }
  });

  it('takes project, title and times from the session file and the messages', async () => {
    const v2 = units().find((u) => u.files.some((f) => f.includes('storage_v2')));
    expect(v2).toBeDefined();
    const events = await readUnit(v2?.files ?? []);
    const small = events.filter(
      (e): e is SessionActivity => e.type === 'activity' && e.sessionExternalId === 's_stage0_small',
    );
    expect(small.length).toBeGreaterThan(0);
    expect(small.map((a) => a.projectPath)).toContain('/tmp/repo');
    expect(small.map((a) => a.title)).toContain('OpenCode Small');
    // The recorded "cost" of this hand-written message is an object, not dollars: not taken.
    const usage = usageEvents(events);
    expect(usage.map((u) => u.recordedCostUsd)).toEqual([null]);
    expect(usage[0]?.occurredAt).toBe(new Date(1730000102000).toISOString());
  });
});
