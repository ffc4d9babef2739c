import { existsSync } from 'node:fs';
import { describeRealSamples, moreAgentsEntries, moreAgentsOracle, samplePath } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';

describeRealSamples('real Codebuff samples', [], () => {
  it('the corpus holds no Codebuff chat and the oracle reports none (format learnt from public parsers instead)', () => {
    // MORE-AGENTS.md lists Codebuff under "Not found": public repos only carry inline JSON strings.
    expect(existsSync(samplePath('codebuff'))).toBe(false);
    expect(Object.keys(moreAgentsOracle()).length).toBeGreaterThan(0);
    expect(moreAgentsEntries('codebuff')).toEqual([]);
  });
});
