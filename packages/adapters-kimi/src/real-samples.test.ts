import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { readDiscovered } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { copySamples, describeRealSamples, moreAgentsOracle, oracleClasses } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { kimiAdapter } from './adapter.js';

const lab = 'kimi/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/kimi';

describeRealSamples('real Kimi samples', ['kimi'], () => {
  const oracle = moreAgentsOracle();

  /** Places files where place-more-agents.sh puts them (Kimi Code layout) and reads the home. */
  async function readPlaced(homeDir: string, files: [string, string][]): Promise<AdapterEvent[]> {
    await copySamples(homeDir, files);
    return readDiscovered(kimiAdapter, testAdapterContext({ homeDir }));
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
        expect([got?.tokens.input, got?.tokens.output, got?.tokens.cacheRead, got?.tokens.cacheWrite5m]).toEqual(
          oracleClasses(s),
        );
        expect(got?.models).toEqual(s.modelsUsed);
      }
      // step.end loop events repeat every usage.record: counting them would double the totals.
      expect(usageEvents(events)).toHaveLength(3);
      const activity = events.filter((e): e is SessionActivity => e.type === 'activity');
      expect(
        activity.every((a) => a.projectPath === '/private/tmp/as-agent-lab/kimi/project' && a.title === 'hi'),
      ).toBe(true);
    });
  });

  it('finds no tokens in the agentsview config.update line (ccusage reported nothing) and takes its cwd', async () => {
    const sample = 'kimi/kenn-io__agentsview/internal/parser/testdata/kimi-config-update-cwd.jsonl';
    expect(oracle[sample]?.sessions).toEqual([]);
    await withTempHome(async (home) => {
      const events = await readPlaced(home.dir, [
        [sample, '.kimi-code/sessions/wd_kenn-io__agentsview/session_kimi-config-update-cwd/agents/main/wire.jsonl'],
      ]);
      expect(usageEvents(events)).toEqual([]);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      // The line has no time: no activity to report, but the checkpoint state keeps its cwd.
      const checkpoint = events.at(-1);
      expect(checkpoint?.type === 'checkpoint' && checkpoint.state).toMatchObject({
        cwd: '/Users/helix/Code/mcp-hub',
        model: 'kimi-code/kimi-for-coding',
      });
    });
  });
});
