import type { AdapterEvent } from '@rimuru/core';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { acmeAgentAdapter } from './acme-adapter.js';
import { acmeSessionJsonl } from './test-sessions.js';

async function drain(events: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('Acme Agent template adapter', () => {
  it('reads requests as usage and the session line as activity, found via ACME_AGENT_DIR', async () => {
    await withTempHome(async (home) => {
      const text = acmeSessionJsonl({
        id: 's-9',
        cwd: '/work/app',
        startedAt: '2026-01-01T10:00:00.000Z',
        requests: [
          { id: 'r1', timestamp: '2026-01-01T10:05:00.000Z', model: 'acme-1', input: 100, output: 20, cacheRead: 5 },
        ],
      });
      const path = await home.write('elsewhere/s-9.jsonl', `${text}{"type":"mystery"}\n`);
      const ctx = testAdapterContext({ homeDir: home.dir, env: { ACME_AGENT_DIR: '~/elsewhere' } });
      const [source] = await acmeAgentAdapter.discover(ctx);
      expect(source).toEqual({ path, mode: 'append' });
      const events = await drain(acmeAgentAdapter.read(source!, { offset: 0, state: null }, ctx));
      expect(
        events.filter((e) => e.type === 'usage').map((u) => [u.dedupeKey, u.tokens.input, u.tokens.cacheRead]),
      ).toEqual([['s-9:r1', 100, 5]]);
      expect(events.find((e) => e.type === 'activity')).toMatchObject({
        firstAt: '2026-01-01T10:00:00.000Z',
        lastAt: '2026-01-01T10:05:00.000Z',
        projectPath: '/work/app',
      });
      expect(events.filter((e) => e.type === 'diagnostic').map((d) => d.code)).toEqual(['unknown-record']);
    });
  });
});
