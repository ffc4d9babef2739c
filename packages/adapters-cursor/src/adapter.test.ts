import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AdapterEvent } from '@rimuru/core';
import {
  cursorBubble,
  cursorComposerV10,
  cursorLinuxUserDir,
  fileUri,
  writeCursorCliStore,
  writeCursorGlobalDb,
  writeCursorWorkspace,
} from '@rimuru/test-utils/cursor';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { cursorAdapter } from './adapter.js';
import { cursorPaths } from './paths.js';

async function collect(iterable: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

describe('cursorPaths', () => {
  it('follows each platform’s application data directory', () => {
    const home = '/h';
    expect(cursorPaths(testAdapterContext({ homeDir: home, platform: 'linux' })).globalDb).toBe(
      '/h/.config/Cursor/User/globalStorage/state.vscdb',
    );
    expect(
      cursorPaths(testAdapterContext({ homeDir: home, platform: 'linux', env: { XDG_CONFIG_HOME: '/x' } })).userDir,
    ).toBe('/x/Cursor/User');
    expect(
      cursorPaths(testAdapterContext({ homeDir: home, platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' } })).userDir,
    ).toBe('/h/.config/Cursor/User');
    expect(cursorPaths(testAdapterContext({ homeDir: home, platform: 'darwin' })).userDir).toBe(
      '/h/Library/Application Support/Cursor/User',
    );
    expect(
      cursorPaths(testAdapterContext({ homeDir: home, platform: 'win32', env: { APPDATA: '/appdata' } }))
        .workspaceStorage,
    ).toBe('/appdata/Cursor/User/workspaceStorage');
    expect(cursorPaths(testAdapterContext({ homeDir: home, platform: 'win32' })).userDir).toBe(
      join('/h', 'AppData', 'Roaming', 'Cursor', 'User'),
    );
    expect(cursorPaths(testAdapterContext({ homeDir: home })).cliChats).toBe('/h/.cursor/chats');
  });
});

describe('cursorAdapter', () => {
  it('detects nothing and discovers nothing in an empty home', async () => {
    await withTempHome(async (home) => {
      const ctx = testAdapterContext({ homeDir: home.dir });
      expect(await cursorAdapter.detect(ctx)).toBe(false);
      expect(await cursorAdapter.discover(ctx)).toEqual([]);
      expect(await cursorAdapter.roots(ctx)).toEqual([]);
    });
  });

  it('discovers the global database, then CLI stores, as snapshot sources, deterministically', async () => {
    await withTempHome(async (home) => {
      const ctx = testAdapterContext({ homeDir: home.dir, platform: 'darwin' });
      const user = join(home.dir, 'Library', 'Application Support', 'Cursor', 'User');
      const global = writeCursorGlobalDb(user, []);
      const storeB = writeCursorCliStore(home.dir, 'bbb', { agentId: 'z', createdAt: 1.76e12 });
      const storeA = writeCursorCliStore(home.dir, 'aaa', { agentId: 'y', createdAt: 1.76e12 });
      expect(await cursorAdapter.detect(ctx)).toBe(true);
      const sources = await cursorAdapter.discover(ctx);
      expect(sources).toEqual([
        { path: global, mode: 'snapshot' },
        { path: storeA, mode: 'snapshot' },
        { path: storeB, mode: 'snapshot' },
      ]);
      expect(await cursorAdapter.discover(ctx)).toEqual(sources);
      expect(await cursorAdapter.roots(ctx)).toEqual([user, join(home.dir, '.cursor', 'chats')]);
    });
  });

  it('detects a machine with only the CLI', async () => {
    await withTempHome(async (home) => {
      writeCursorCliStore(home.dir, 'h', { agentId: 'a', createdAt: 1.76e12 });
      expect(await cursorAdapter.detect(testAdapterContext({ homeDir: home.dir }))).toBe(true);
    });
  });

  it('reads each source kind, mapping CLI chats to IDE workspace folders by md5', async () => {
    await withTempHome(async (home) => {
      const ctx = testAdapterContext({ homeDir: home.dir });
      const user = cursorLinuxUserDir(home.dir);
      writeCursorGlobalDb(user, [
        {
          key: 'composerData:c',
          value: cursorComposerV10({ composerId: 'c', createdAt: 1.76e12, modelName: 'default' }),
        },
        {
          key: 'bubbleId:c:b',
          value: cursorBubble({ bubbleId: 'b', tokenCount: { inputTokens: 10, outputTokens: 5 } }),
        },
      ]);
      writeCursorWorkspace(user, 'w', { workspaceJson: { folder: fileUri('/srv/app') }, composerIds: ['c'] });
      writeCursorCliStore(home.dir, createHash('md5').update('/srv/app').digest('hex'), {
        agentId: 'cli',
        createdAt: 1.76e12,
      });
      const [global, store] = await cursorAdapter.discover(ctx);
      const globalEvents = await collect(cursorAdapter.read(global!, { offset: 0, state: null }, ctx));
      expect(globalEvents.map((e) => e.type)).toEqual(['usage', 'activity', 'checkpoint']);
      expect(globalEvents[0]).toMatchObject({ model: 'default', rank: 15 });
      expect(globalEvents[1]).toMatchObject({ projectPath: '/srv/app', tokensKnown: true });
      // A snapshot has nothing to resume: reading from its checkpoint gives the full read again.
      const checkpoint = globalEvents.at(-1) as { offset: number; state: null };
      expect(await collect(cursorAdapter.read(global!, checkpoint, ctx))).toEqual(globalEvents);
      const storeEvents = await collect(cursorAdapter.read(store!, { offset: 0, state: null }, ctx));
      expect(storeEvents[0]).toMatchObject({
        type: 'activity',
        sessionExternalId: 'cli',
        projectPath: '/srv/app',
        tokensKnown: false,
      });
    });
  });
});
