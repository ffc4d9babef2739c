import { existsSync } from 'node:fs';
import { describeRealSamples, moreAgentsEntries, moreAgentsOracle, samplePath } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';

describeRealSamples('real Amp samples', [], () => {
  it('the corpus holds no Amp thread and the oracle reports none (format learnt from public parsers instead)', () => {
    // MORE-AGENTS.md lists Amp under "Not found": public repos only carry inline JSON strings.
    expect(existsSync(samplePath('amp'))).toBe(false);
    expect(Object.keys(moreAgentsOracle()).length).toBeGreaterThan(0);
    expect(moreAgentsEntries('amp')).toEqual([]);
  });
});
