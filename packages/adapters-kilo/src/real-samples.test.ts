import type { AdapterEvent } from '@rimuru/core';
import { collectEvents } from '@rimuru/test-utils/claude';
import { describeRealSamples, samplePath } from '@rimuru/test-utils/real-samples';
import { glob } from 'tinyglobby';
import { expect, it } from 'vitest';
import { kiloAdapter } from './adapter.js';

// The corpus has no Kilo CLI capture yet (MORE-AGENTS.md: `kilo.db` not found publicly): this reads
// whatever lands in real-samples/kilo/ and requires clean, well-formed reads of it.
const kiloDir = samplePath('kilo');

describeRealSamples('real Kilo CLI samples', ['kilo'], () => {
  it('reads every store without errors', async () => {
    const files = await glob(['**/*.db', '**/storage/message/**/*.json'], { cwd: kiloDir, absolute: true });
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) {
      const events: AdapterEvent[] = await collectEvents(
        kiloAdapter.read({ path, mode: 'snapshot' }, { offset: 0, state: null }, undefined as never),
      );
      expect(
        events.filter((e) => e.type === 'diagnostic' && e.severity === 'error'),
        path,
      ).toEqual([]);
      expect(events.at(-1)?.type).toBe('checkpoint');
    }
  });
});
