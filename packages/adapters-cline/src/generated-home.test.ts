import { describeClineFamilyGeneratedHome, writeClineHome } from '@rimuru/test-utils/cline';
import { expect } from 'vitest';
import { clineAdapter } from './index.js';

describeClineFamilyGeneratedHome({
  adapter: clineAdapter,
  writeHome: (dir) => writeClineHome(dir, 11),
  cacheWrite: (u) => u.tokens.cacheWrite5m + u.tokens.cacheWrite1h,
  distinctSessions: true,
  names: {
    sessions: 'finds every task of every storage location, with no diagnostics',
    usage: 'gives each task the generator’s token classes, request count, cost and models',
    activity: 'gives each task its project and activity span',
  },
  checkUsage: (mine) => expect(new Set(mine.map((u) => u.dedupeKey)).size).toBe(mine.length),
  checkActivity: (activity) => {
    expect(activity?.tokensKnown).toBe(true);
    expect(activity?.title).toMatch(/^Fix bug number \d+/);
  },
});
