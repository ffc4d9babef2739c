import { join } from 'node:path';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { describeRealSamples, moreAgentsOracle, samplePath } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { readDroidTranscript } from './read-transcript.js';

const lab = 'droid/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/droid';
const dir = samplePath(lab);

/**
 * The corpus has only session-store transcripts (no `.settings.json`), and ccusage 20.0.24
 * reported nothing for them: Droid keeps tokens only in the settings file. The
 * `stream_json_*` files are `droid exec` output, not files Droid keeps on disk, so they are
 * not read here (discovery would only meet them if a user put them under a sessions root).
 */
describeRealSamples('real Droid samples', [lab], () => {
  const oracle = moreAgentsOracle();

  it.each([
    ['session_store_small.jsonl', '/tmp', 'Stage0 Droid Small', '2025-12-26T23:50:00.000Z', '2025-12-26T23:50:02.000Z'],
    [
      'session_store_large.jsonl',
      '/tmp/large',
      'Stage0 Droid Large',
      '2025-12-26T00:10:00.000Z',
      '2025-12-26T00:10:06.000Z',
    ],
    [
      'session_store_schema_drift.jsonl',
      '/tmp',
      'Stage0 Droid Drift',
      '2025-12-26T00:00:00.000Z',
      '2025-12-26T00:00:01.000Z',
    ],
  ])(
    '%s: a tokenless session with project, title and times, like ccusage (no tokens)',
    async (file, project, title, first, last) => {
      const events = await collectEvents(readDroidTranscript(join(dir, file), { offset: 0, state: null }));
      expect(usageEvents(events)).toEqual([]);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      expect(events.filter((e) => e.type === 'activity')).toMatchObject([
        { projectPath: project, title, firstAt: first, lastAt: last, tokensKnown: false },
      ]);
      const key = `${lab}/${file}`;
      expect(oracle[key]?.sessions).toEqual([]);
      expect(oracle[key]?.totals?.totalTokens).toBe(0);
    },
  );
});
