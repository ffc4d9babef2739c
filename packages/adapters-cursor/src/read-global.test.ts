import { join } from 'node:path';
import type { AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';
import {
  cursorBubble,
  cursorComposerV10,
  cursorComposerV3,
  cursorLinuxUserDir,
  fileUri,
  rawValue,
  writeCursorGlobalDb,
  writeCursorWorkspace,
  type KvRow,
} from '@rimuru/test-utils/cursor';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { readGlobalDb } from './read-global.js';

const T0 = Date.parse('2025-10-01T10:00:00.000Z');
const iso = (offsetMs: number): string => new Date(T0 + offsetMs).toISOString();

async function collect(iterable: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}
const usage = (events: AdapterEvent[]) => events.filter((e): e is UsageEvent => e.type === 'usage');
const activity = (events: AdapterEvent[]) => events.filter((e): e is SessionActivity => e.type === 'activity');
const activityOf = (events: AdapterEvent[], id: string) => activity(events).find((a) => a.sessionExternalId === id);
const diagnostics = (events: AdapterEvent[]) => events.filter((e) => e.type === 'diagnostic');

const bubbleRow = (composerId: string, bubble: Record<string, unknown>, storage?: 'text' | 'blob'): KvRow => ({
  key: `bubbleId:${composerId}:${String(bubble['bubbleId'])}`,
  value: bubble,
  storage,
});
const composerRow = (composer: Record<string, unknown>, storage?: 'text' | 'blob'): KvRow => ({
  key: `composerData:${String(composer['composerId'])}`,
  value: composer,
  storage,
});

/** A v10 composer (TEXT composer, BLOB bubbles) with a user bubble and two assistant bubbles. */
function v10Rows(): KvRow[] {
  return [
    composerRow(
      cursorComposerV10({
        composerId: 'c10',
        name: 'Fix the build',
        createdAt: T0,
        lastUpdatedAt: T0 + 60_000,
        modelName: 'default',
        headers: [
          { bubbleId: 'u1', type: 1 },
          { bubbleId: 'a1', type: 2 },
          { bubbleId: 'a2', type: 2 },
        ],
      }),
    ),
    bubbleRow(
      'c10',
      cursorBubble({ bubbleId: 'u1', type: 1, createdAt: iso(1000), tokenCount: { inputTokens: 7, outputTokens: 0 } }),
      'blob',
    ),
    bubbleRow(
      'c10',
      cursorBubble({
        bubbleId: 'a1',
        createdAt: iso(5000),
        tokenCount: { inputTokens: 1200, outputTokens: 300 },
        modelName: 'claude-4.5-sonnet-thinking',
      }),
      'blob',
    ),
    bubbleRow(
      'c10',
      cursorBubble({
        bubbleId: 'a2',
        createdAt: iso(90_000),
        tokenCount: { inputTokens: 50, outputTokens: 25 },
        modelName: '?',
      }),
    ),
  ];
}

describe('readGlobalDb: composers and usage', () => {
  it('emits one usage per assistant bubble with tokens, TEXT and BLOB alike, and one activity', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, v10Rows());
      const events = await collect(readGlobalDb(db));
      expect(diagnostics(events)).toEqual([]);
      expect(usage(events)).toEqual([
        {
          type: 'usage',
          sessionExternalId: 'c10',
          dedupeKey: 'c10:a1',
          rank: 1500,
          replayKey: null,
          isReplayCopy: false,
          occurredAt: iso(5000),
          model: 'claude-4.5-sonnet-thinking',
          tokens: { input: 1200, output: 300, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
          recordedCostUsd: null,
          speed: null,
          line: null,
        },
        // `?` is no model: the composer's literal `default` is used, as written.
        expect.objectContaining({ dedupeKey: 'c10:a2', rank: 75, model: 'default', occurredAt: iso(90_000) }),
      ]);
      expect(activityOf(events, 'c10')).toEqual({
        type: 'activity',
        sessionExternalId: 'c10',
        firstAt: iso(0),
        lastAt: iso(90_000), // a bubble later than lastUpdatedAt extends the session
        projectPath: null,
        parentExternalId: null,
        tokensKnown: true,
        title: 'Fix the build',
      });
      expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
    });
  });

  it('reads legacy v3 composers with inline conversation[] (BLOB composer value)', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const composer = cursorComposerV3({
        composerId: 'c3',
        createdAt: T0,
        lastUpdatedAt: T0 + 10_000,
        modelName: 'gpt-5',
        conversation: [
          cursorBubble({ bubbleId: 'b1', type: 1 }),
          cursorBubble({ bubbleId: 'b2', tokenCount: { inputTokens: 10, outputTokens: 20 } }),
          cursorBubble({ bubbleId: 'b3', tokenCount: { inputTokens: 0, outputTokens: 0 } }),
        ],
      });
      const db = writeCursorGlobalDb(user, [composerRow(composer, 'blob')]);
      const events = await collect(readGlobalDb(db));
      // No bubble time: dated like the composer's last update.
      expect(usage(events)).toEqual([
        expect.objectContaining({ dedupeKey: 'c3:b2', rank: 30, model: 'gpt-5', occurredAt: iso(10_000) }),
      ]);
      expect(activityOf(events, 'c3')).toMatchObject({
        firstAt: iso(0),
        lastAt: iso(10_000),
        tokensKnown: true,
        title: null,
      });
    });
  });

  it('marks composers whose bubbles carry no tokens as tokensKnown false, with no usage', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, [
        composerRow(
          cursorComposerV10({
            composerId: 'zero',
            createdAt: T0,
            lastUpdatedAt: T0 + 1000,
            headers: [{ bubbleId: 'a', type: 2 }],
          }),
        ),
        bubbleRow('zero', cursorBubble({ bubbleId: 'a', tokenCount: { inputTokens: 0, outputTokens: 0 } })),
        bubbleRow('zero', cursorBubble({ bubbleId: 'b', tokenCount: null })),
        // A user bubble's tokens are not an assistant request's usage.
        bubbleRow('zero', cursorBubble({ bubbleId: 'c', type: 1, tokenCount: { inputTokens: 9, outputTokens: 9 } })),
      ]);
      const events = await collect(readGlobalDb(db));
      expect(usage(events)).toEqual([]);
      expect(activityOf(events, 'zero')).toMatchObject({ tokensKnown: false, firstAt: iso(0), lastAt: iso(1000) });
    });
  });

  it('takes the bubble type from the header when the bubble has none; model null when nobody says', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const bubble = cursorBubble({ bubbleId: 'h', createdAt: iso(0), tokenCount: { inputTokens: 3 } });
      delete bubble['type'];
      const db = writeCursorGlobalDb(user, [
        composerRow(cursorComposerV10({ composerId: 'hd', createdAt: T0, headers: [{ bubbleId: 'h', type: 2 }] })),
        bubbleRow('hd', bubble),
      ]);
      const events = await collect(readGlobalDb(db));
      expect(usage(events)).toEqual([expect.objectContaining({ dedupeKey: 'hd:h', rank: 3, model: null })]);
      expect(usage(events)[0]?.tokens).toMatchObject({ input: 3, output: 0 });
    });
  });

  it('skips composers that were opened but never used, and keeps orphan bubbles as a session', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, [
        composerRow(cursorComposerV10({ composerId: 'empty', createdAt: T0, lastUpdatedAt: T0 })),
        bubbleRow(
          'gone',
          cursorBubble({ bubbleId: 'x', createdAt: iso(7), tokenCount: { inputTokens: 1, outputTokens: 1 } }),
        ),
      ]);
      const events = await collect(readGlobalDb(db));
      expect(activityOf(events, 'empty')).toBeUndefined();
      expect(activityOf(events, 'gone')).toMatchObject({
        firstAt: iso(7),
        lastAt: iso(7),
        tokensKnown: true,
        title: null,
      });
    });
  });

  it('links subagent composers to the composer that lists them', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, [
        composerRow(cursorComposerV10({ composerId: 'parent', createdAt: T0, subComposerIds: ['child'] })),
        bubbleRow('parent', cursorBubble({ bubbleId: 'p', createdAt: iso(1) })),
        composerRow(cursorComposerV10({ composerId: 'child', createdAt: T0 + 5 })),
        bubbleRow('child', cursorBubble({ bubbleId: 'q', createdAt: iso(6) })),
      ]);
      const events = await collect(readGlobalDb(db));
      expect(activityOf(events, 'child')?.parentExternalId).toBe('parent');
      expect(activityOf(events, 'parent')?.parentExternalId).toBeNull();
    });
  });
});

describe('readGlobalDb: projects from workspace databases', () => {
  it('maps composers to folder, .code-workspace folder, empty window and no workspace', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const ids = ['in-folder', 'in-multi', 'in-empty', 'nowhere'];
      const rows = ids.flatMap((id, i) => [
        composerRow(cursorComposerV10({ composerId: id, createdAt: T0 + i })),
        bubbleRow(id, cursorBubble({ bubbleId: 'b', createdAt: iso(i) })),
      ]);
      const db = writeCursorGlobalDb(user, rows);
      writeCursorWorkspace(user, 'aaa', {
        workspaceJson: { folder: fileUri('/home/ada/my project#1') },
        composerIds: ['in-folder'],
      });
      writeCursorWorkspace(user, 'bbb', {
        workspaceJson: { workspace: fileUri('/home/ada/multi/team.code-workspace') },
        composerIds: ['in-multi'],
      });
      writeCursorWorkspace(user, 'ccc', { composerIds: ['in-empty'] });
      const events = await collect(readGlobalDb(db));
      expect(diagnostics(events)).toEqual([]);
      expect(activityOf(events, 'in-folder')?.projectPath).toBe('/home/ada/my project#1');
      expect(activityOf(events, 'in-multi')?.projectPath).toBe('/home/ada/multi');
      expect(activityOf(events, 'in-empty')?.projectPath).toBeNull();
      expect(activityOf(events, 'nowhere')?.projectPath).toBeNull();
    });
  });

  it('prefers a folder over an empty window when two workspaces list the same composer', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, [
        composerRow(cursorComposerV10({ composerId: 'c', createdAt: T0 })),
        bubbleRow('c', cursorBubble({ bubbleId: 'b', createdAt: iso(0) })),
      ]);
      writeCursorWorkspace(user, '111', { composerIds: ['c'] });
      writeCursorWorkspace(user, '222', {
        workspaceJson: { folder: 'file:///c%3A/Users/ada/proj' },
        composerIds: ['c'],
      });
      const events = await collect(readGlobalDb(db));
      expect(activityOf(events, 'c')?.projectPath).toBe('c:\\Users\\ada\\proj');
    });
  });

  it('lists legacy aichat tabs with an answer as tokenless sessions of their workspace', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, []);
      const chat = {
        tabs: [
          {
            tabId: 't1',
            chatTitle: 'Hotkeys',
            lastSendTime: T0,
            bubbles: [
              { type: 'user', text: 'q' },
              { type: 'ai', text: 'a', modelType: 'claude-3.5-sonnet' },
            ],
          },
          { tabId: 't2', chatTitle: 'New chat', lastSendTime: T0, bubbles: [{ type: 'user' }] },
          { tabId: 't3', bubbles: 'nope' },
        ],
      };
      writeCursorWorkspace(user, 'w', {
        workspaceJson: { folder: fileUri('/srv/app') },
        itemTable: [{ key: 'workbench.panel.aichat.view.aichat.chatdata', value: chat }],
      });
      const events = await collect(readGlobalDb(db));
      expect(activity(events)).toEqual([
        {
          type: 'activity',
          sessionExternalId: 't1',
          firstAt: iso(0),
          lastAt: iso(0),
          projectPath: '/srv/app',
          parentExternalId: null,
          tokensKnown: false,
          title: 'Hotkeys',
          models: ['claude-3.5-sonnet'],
          requestCount: 1,
        },
      ]);
      expect(diagnostics(events)).toEqual([
        expect.objectContaining({
          code: 'invalid-record',
          message: expect.stringContaining('1 malformed tab') as unknown,
        }),
      ]);
    });
  });

  it('reports a broken workspace.json or workspace database and still reads the rest', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, v10Rows());
      writeCursorWorkspace(user, 'bad-json', { workspaceJson: '{"folder":', composerIds: ['c10'] });
      await home.write(
        '.config/Cursor/User/workspaceStorage/bad-db/state.vscdb',
        'this is not sqlite at all, not even close......................................................',
      );
      const events = await collect(readGlobalDb(db));
      expect(
        diagnostics(events)
          .map((d) => (d as { code: string }).code)
          .sort(),
      ).toEqual(['invalid-json', 'unreadable-source']);
      expect(activityOf(events, 'c10')?.projectPath).toBeNull();
      expect(usage(events)).toHaveLength(2);
    });
  });
});

describe('readGlobalDb: malformed rows and re-reads', () => {
  it('skips broken rows with one diagnostic each and never throws', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, [
        ...v10Rows(),
        { key: 'composerData:bad-json', value: rawValue('{"_v":10,') },
        { key: 'composerData:not-object', value: [1, 2] },
        { key: 'composerData:bad-conv', value: { _v: 3, conversation: 'x' } },
        { key: 'composerData:null', value: null },
        { key: 'bubbleId:c10:garbage', value: rawValue(new Uint8Array([0xff, 0xfe, 0x00, 0x41])) },
        { key: 'bubbleId:nocolon', value: {} },
        {
          key: 'bubbleId:c10:badtokens',
          value: cursorBubble({
            bubbleId: 'badtokens',
            createdAt: iso(2),
            tokenCount: { inputTokens: -5, outputTokens: '7' },
          }),
        },
        { key: 'bubbleId:c10:str', value: 'just a string' },
        { key: 'messageRequestContext:c10:a1', value: rawValue('not json and not read') },
      ]);
      const events = await collect(readGlobalDb(db));
      const codes = diagnostics(events)
        .map((d) => (d as { code: string }).code)
        .sort();
      expect(codes).toEqual([
        'invalid-json',
        'invalid-record',
        'invalid-record',
        'invalid-record',
        'invalid-record',
        'invalid-record',
        'invalid-record',
        'invalid-utf8',
      ]);
      expect(usage(events).map((u) => u.dedupeKey)).toEqual(['c10:a1', 'c10:a2']);
      expect(activityOf(events, 'c10')?.tokensKnown).toBe(true);
    });
  });

  it('reports a composer with bubbles but no timestamp at all', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, [
        composerRow(cursorComposerV10({ composerId: 'timeless', createdAt: 'yesterday' as unknown as number })),
        bubbleRow('timeless', cursorBubble({ bubbleId: 'b', tokenCount: { inputTokens: 1, outputTokens: 1 } })),
      ]);
      const events = await collect(readGlobalDb(db));
      expect(usage(events)).toEqual([]);
      expect(activity(events)).toEqual([]);
      expect(diagnostics(events)).toEqual([
        expect.objectContaining({ code: 'invalid-record', message: expect.stringContaining('timeless') as unknown }),
      ]);
    });
  });

  it('gives identical events when the snapshot is read again', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const db = writeCursorGlobalDb(user, v10Rows());
      writeCursorWorkspace(user, 'w', { workspaceJson: { folder: fileUri('/p') }, composerIds: ['c10'] });
      expect(await collect(readGlobalDb(db))).toEqual(await collect(readGlobalDb(db)));
    });
  });

  it('keys a bubble the same way before and after Cursor fills in its tokenCount', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const composer = composerRow(cursorComposerV10({ composerId: 'late', createdAt: T0 }));
      const pending = writeCursorGlobalDb(user, [
        composer,
        bubbleRow('late', cursorBubble({ bubbleId: 'a', createdAt: iso(1) })),
      ]);
      const before = await collect(readGlobalDb(pending));
      expect(usage(before)).toEqual([]);
      expect(activityOf(before, 'late')?.tokensKnown).toBe(false);
      writeCursorGlobalDb(user, [
        bubbleRow(
          'late',
          cursorBubble({ bubbleId: 'a', createdAt: iso(1), tokenCount: { inputTokens: 4, outputTokens: 2 } }),
        ),
      ]);
      const after = await collect(readGlobalDb(pending));
      expect(usage(after)).toEqual([expect.objectContaining({ dedupeKey: 'late:a', rank: 6 })]);
      expect(activityOf(after, 'late')?.tokensKnown).toBe(true);
    });
  });

  it('gives one unreadable-source error and no checkpoint for a missing or non-SQLite file', async () => {
    await withTempHome(async (home) => {
      const missing = await collect(readGlobalDb(join(home.dir, 'nope', 'state.vscdb')));
      expect(missing).toEqual([
        expect.objectContaining({ type: 'diagnostic', severity: 'error', code: 'unreadable-source' }),
      ]);
      const junk = await home.write('junk/globalStorage/state.vscdb', 'x'.repeat(5000));
      const junkEvents = await collect(readGlobalDb(junk));
      expect(junkEvents).toEqual([expect.objectContaining({ code: 'unreadable-source' })]);
    });
  });

  it('reads a database without a cursorDiskKV table as having no composers', async () => {
    await withTempHome(async (home) => {
      const user = cursorLinuxUserDir(home.dir);
      const { writeKvDb } = await import('@rimuru/test-utils/cursor');
      const path = writeKvDb(join(user, 'globalStorage', 'state.vscdb'), { ItemTable: [{ key: 'x', value: 1 }] });
      expect(await collect(readGlobalDb(path))).toEqual([{ type: 'checkpoint', offset: 0, state: null }]);
    });
  });
});
