import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runAdapterContract } from '@rimuru/test-utils/contract';
import { acmeAgentAdapter } from './acme-adapter.js';
import { acmeSessionJsonl } from './test-sessions.js';

runAdapterContract({
  adapter: acmeAgentAdapter,
  makeHome: async (dir) => {
    const sessions = join(dir, '.acme-agent', 'sessions');
    await mkdir(sessions, { recursive: true });
    for (const n of [1, 2]) {
      const requests = [1, 2, 3].map((i) => ({
        id: `r${i}`,
        timestamp: `2026-01-0${n}T10:0${i}:00.000Z`,
        model: 'acme-1',
        input: 100 * i,
        output: 10 * i,
        cacheRead: i,
      }));
      await writeFile(
        join(sessions, `s-${n}.jsonl`),
        acmeSessionJsonl({ id: `s-${n}`, cwd: '/work/app', startedAt: `2026-01-0${n}T10:00:00.000Z`, requests }),
      );
    }
  },
});
