import { createHash } from 'node:crypto';
import { utimesSync } from 'node:fs';
import type { AdapterEvent } from '@rimuru/core';
import { writeCursorCliStore } from '@rimuru/test-utils/cursor';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { decodeCliMeta, readCliStore } from './cli-store.js';

const CREATED = Date.parse('2025-11-02T08:00:00.000Z');
const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

async function collect(iterable: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

describe('readCliStore', () => {
  it('lists a cursor-agent chat as one tokenless session, ending at the store’s last write', async () => {
    await withTempHome(async (home) => {
      const path = writeCursorCliStore(home.dir, md5('/home/ada/app'), {
        agentId: 'agent-1',
        name: 'Refactor',
        createdAt: CREATED,
        lastUsedModel: 'gpt-5',
      });
      const written = new Date(CREATED + 3_600_000);
      utimesSync(path, written, written);
      const events = await collect(readCliStore(path, ['/elsewhere', '/home/ada/app']));
      expect(events).toEqual([
        {
          type: 'activity',
          sessionExternalId: 'agent-1',
          firstAt: '2025-11-02T08:00:00.000Z',
          lastAt: '2025-11-02T09:00:00.000Z',
          projectPath: '/home/ada/app',
          parentExternalId: null,
          tokensKnown: false,
          title: 'Refactor',
          models: ['gpt-5'],
        },
        { type: 'checkpoint', offset: 0, state: null },
      ]);
    });
  });

  it('has no project when no workspace folder hashes to the store’s folder', async () => {
    await withTempHome(async (home) => {
      const path = writeCursorCliStore(home.dir, md5('/tmp/x'), { agentId: 'a', createdAt: CREATED });
      const events = await collect(readCliStore(path, ['/home/ada/app']));
      expect(events[0]).toMatchObject({ type: 'activity', projectPath: null, title: null });
    });
  });

  it('reports a missing, undecodable or timeless meta row and still checkpoints', async () => {
    await withTempHome(async (home) => {
      for (const rawMeta of [null, 'zz-not-hex-nor-json', Buffer.from('[1]').toString('hex')]) {
        const path = writeCursorCliStore(home.dir, md5(String(rawMeta)), { rawMeta });
        const events = await collect(readCliStore(path, []));
        expect(events).toEqual([
          expect.objectContaining({ type: 'diagnostic', code: 'invalid-record' }),
          { type: 'checkpoint', offset: 0, state: null },
        ]);
      }
      const timeless = writeCursorCliStore(home.dir, 'h', { agentId: 'b' });
      expect((await collect(readCliStore(timeless, [])))[0]).toMatchObject({
        code: 'invalid-record',
        message: expect.stringContaining('createdAt') as unknown,
      });
    });
  });

  it('decodes hex-encoded and plain JSON meta values', () => {
    const json = JSON.stringify({ agentId: 'x', name: 'n', createdAt: CREATED, lastUsedModel: 'claude-4.5-sonnet' });
    const meta = { agentId: 'x', name: 'n', createdAtMs: CREATED, lastUsedModel: 'claude-4.5-sonnet' };
    expect(decodeCliMeta(Buffer.from(json).toString('hex'))).toEqual(meta);
    expect(decodeCliMeta(json)).toEqual(meta);
    expect(decodeCliMeta(JSON.stringify({ createdAt: CREATED, lastUsedModel: '?' }))).toMatchObject({
      lastUsedModel: null,
    });
    expect(decodeCliMeta(42)).toBe('meta value is not text');
  });
});
