import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { collectEvents, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { kimiAdapter } from './adapter.js';

// The corpus sits beside the repo (/work/shared next to /work/main); it is never copied in.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const dir = join(samples, 'kimi');
const lab = 'kimi/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/kimi';

interface OracleSession {
  sessionId: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  modelsUsed: string[];
}

describe.skipIf(!existsSync(dir))('real Kimi samples', () => {
  const oracle = JSON.parse(readFileSync(join(samples, 'ccusage-oracle-more-agents.json'), 'utf8')) as Record<string, { sessions: OracleSession[] }>;

  /** Places files where place-more-agents.sh puts them (Kimi Code layout) and reads the home. */
  async function readPlaced(homeDir: string, files: [string, string][]): Promise<AdapterEvent[]> {
    for (const [sample, target] of files) {
      const path = join(homeDir, target);
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, readFileSync(join(samples, sample)));
    }
    const ctx = testAdapterContext({ homeDir });
    const events: AdapterEvent[] = [];
    for (const source of await kimiAdapter.discover(ctx)) events.push(...(await collectEvents(kimiAdapter.read(source, { offset: 0, state: null }, ctx))));
    return events;
  }

  it('matches ccusage on the lab capture: main and subagent files folded into session_small', async () => {
    await withTempHome(async (home) => {
      const session = '.kimi-code/sessions/wd_jazzyalex__agent-sessions/session_small';
      const events = await readPlaced(home.dir, [
        [`${lab}/small.jsonl`, `${session}/agents/main/wire.jsonl`],
        [`${lab}/subagent_agent-0.jsonl`, `${session}/agents/agent-0/wire.jsonl`],
        [`${lab}/state.json`, `${session}/state.json`],
      ]);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      const expected = oracle[`${lab}/small.jsonl`]?.sessions ?? [];
      const totals = totalsBySession(usageEvents(events));
      expect(totals.size).toBe(expected.length);
      for (const s of expected) {
        const got = totals.get(s.sessionId);
        expect([got?.tokens.input, got?.tokens.output, got?.tokens.cacheRead, got?.tokens.cacheWrite5m]).toEqual([
          s.inputTokens,
          s.outputTokens,
          s.cacheReadTokens,
          s.cacheCreationTokens,
        ]);
        expect(got?.models).toEqual(s.modelsUsed);
      }
      // step.end loop events repeat every usage.record: counting them would double the totals.
      expect(usageEvents(events)).toHaveLength(3);
      const activity = events.filter((e): e is SessionActivity => e.type === 'activity');
      expect(activity.every((a) => a.projectPath === '/private/tmp/as-agent-lab/kimi/project' && a.title === 'hi')).toBe(true);
    });
  });

  it('finds no tokens in the agentsview config.update line (ccusage reported nothing) and takes its cwd', async () => {
    const sample = 'kimi/kenn-io__agentsview/internal/parser/testdata/kimi-config-update-cwd.jsonl';
    expect(oracle[sample]?.sessions).toEqual([]);
    await withTempHome(async (home) => {
      const events = await readPlaced(home.dir, [[sample, '.kimi-code/sessions/wd_kenn-io__agentsview/session_kimi-config-update-cwd/agents/main/wire.jsonl']]);
      expect(usageEvents(events)).toEqual([]);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      // The line has no time: no activity to report, but the checkpoint state keeps its cwd.
      const checkpoint = events.at(-1);
      expect(checkpoint?.type === 'checkpoint' && checkpoint.state).toMatchObject({ cwd: '/Users/helix/Code/mcp-hub', model: 'kimi-code/kimi-for-coding' });
    });
  });
});
