import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import {
  cursorBubble,
  cursorComposerV10,
  cursorLinuxUserDir,
  writeCursorGlobalDb,
  type KvRow,
} from '@rimuru/test-utils/cursor';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { readGlobalDb } from './read-global.js';

const T0 = Date.parse('2025-10-01T10:00:00.000Z');

async function activities(path: string): Promise<Map<string, SessionActivity>> {
  const out = new Map<string, SessionActivity>();
  for await (const event of readGlobalDb(path) as AsyncIterable<AdapterEvent>) {
    if (event.type === 'activity') out.set(event.sessionExternalId, event);
  }
  return out;
}

const row = (key: string, value: Record<string, unknown>): KvRow => ({ key, value });

describe('tokenless composers', () => {
  it('name the models and count the assistant answers that carry no tokens; composers with usage leave that to usage records', async () => {
    await withTempHome(async (home) => {
      const db = writeCursorGlobalDb(cursorLinuxUserDir(home.dir), [
        row(
          'composerData:free',
          cursorComposerV10({ composerId: 'free', createdAt: T0, lastUpdatedAt: T0 + 1000, modelName: 'default' }),
        ),
        row('bubbleId:free:u', cursorBubble({ bubbleId: 'u', type: 1, tokenCount: null })),
        row(
          'bubbleId:free:a',
          cursorBubble({ bubbleId: 'a', modelName: 'gpt-5', tokenCount: { inputTokens: 0, outputTokens: 0 } }),
        ),
        row('bubbleId:free:b', cursorBubble({ bubbleId: 'b', tokenCount: null })),
        row('bubbleId:free:c', cursorBubble({ bubbleId: 'c', modelName: 'gpt-5', tokenCount: null })),
        row('composerData:paid', cursorComposerV10({ composerId: 'paid', createdAt: T0, lastUpdatedAt: T0 + 1000 })),
        row(
          'bubbleId:paid:a',
          cursorBubble({ bubbleId: 'a', modelName: 'gpt-5', tokenCount: { inputTokens: 10, outputTokens: 2 } }),
        ),
      ]);
      const byId = await activities(db);
      // `default` is Cursor's literal auto-model name: kept as written (design §3).
      expect(byId.get('free')).toMatchObject({ tokensKnown: false, models: ['gpt-5', 'default'], requestCount: 3 });
      expect(byId.get('paid')?.tokensKnown).toBe(true);
      expect(byId.get('paid')).not.toHaveProperty('models');
      expect(byId.get('paid')).not.toHaveProperty('requestCount');
    });
  });
});
