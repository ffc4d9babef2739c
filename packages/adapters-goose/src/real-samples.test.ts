import { existsSync } from 'node:fs';
import { describeRealSamples, moreAgentsEntries, moreAgentsOracle, samplePath } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';

describeRealSamples('real Goose samples', [], () => {
  it('the corpus holds no Goose store and the oracle reports none (format learnt from public parsers instead)', () => {
    // MORE-AGENTS.md lists Goose under "Not found": neither sessions.db nor an old .jsonl session was found.
    expect(existsSync(samplePath('goose'))).toBe(false);
    expect(Object.keys(moreAgentsOracle()).length).toBeGreaterThan(0);
    expect(moreAgentsEntries('goose')).toEqual([]);
  });
});
