import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { cursorLinuxUserDir, fileUri, writeCursorGlobalDb, writeCursorWorkspace } from '@rimuru/test-utils/cursor';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describeRealSamples, samplePath } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { cursorAdapter } from './adapter.js';

// Tests load the corpus's rows into temporary databases.
const cursorDir = samplePath('cursor');
const chatrxiv = join(cursorDir, 'michaeldhood__chatrxiv', 'examples');

async function collect(iterable: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

/** Legacy exports are `[{key, data}]` rows of a workspace `ItemTable`. */
function exportRows(file: string): { key: string; value: unknown }[] {
  const rows = JSON.parse(readFileSync(join(chatrxiv, file), 'utf8')) as { key: string; data: unknown }[];
  return rows.map((row) => ({ key: row.key, value: row.data }));
}

describeRealSamples('real Cursor samples', ['cursor'], () => {
  it('lists the captured legacy aichat tabs that got an answer, with their workspace folder', async () => {
    await withTempHome(async (home) => {
      const ctx = testAdapterContext({ homeDir: home.dir });
      const user = cursorLinuxUserDir(home.dir);
      writeCursorGlobalDb(user, []);
      writeCursorWorkspace(user, 'de5562f3e8c437246be75a12e9e89d4d', {
        workspaceJson: { folder: fileUri('/home/ada/notes') },
        itemTable: exportRows('chat_data_de5562f3e8c437246be75a12e9e89d4d.json'),
      });
      writeCursorWorkspace(user, '9516e6407feda490b31c44c38c30e629', {
        workspaceJson: { folder: 'file:///c%3A/Users/hood1/.cursor-tutor' },
        itemTable: exportRows('chat_data_9516e6407feda490b31c44c38c30e629.json'),
      });
      const [source] = await cursorAdapter.discover(ctx);
      const events = await collect(cursorAdapter.read(source!, { offset: 0, state: null }, ctx));
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      expect(events.filter((e) => e.type === 'usage')).toEqual([]);
      const sessions = events.filter((e): e is SessionActivity => e.type === 'activity');
      // The empty "New chat" tab (one blank user bubble, no answer) is no session.
      expect(sessions.map((s) => [s.sessionExternalId, s.firstAt, s.projectPath, s.tokensKnown, s.title])).toEqual([
        [
          '137c476e-d1aa-424e-9722-11c2428bf3ca',
          new Date(1726112930442).toISOString(),
          'c:\\Users\\hood1\\.cursor-tutor',
          false,
          'Hotkey for Focusing Editor Pane',
        ],
        [
          '2e1eb3dd-a39f-4999-a4e8-8b51bdfd3f4a',
          new Date(1726111462148).toISOString(),
          'c:\\Users\\hood1\\.cursor-tutor',
          false,
          'Getting Started with WSL in Cursor',
        ],
        [
          'bc8d2a24-8b68-4a7f-bad9-e7dfcdee35ca',
          new Date(1727236515929).toISOString(),
          '/home/ada/notes',
          false,
          'Using Ctrl + K in Cursor IDE for Contextual Help',
        ],
        [
          'd9ee9afe-975c-488d-b710-4e2e309d87ff',
          new Date(1727234748193).toISOString(),
          '/home/ada/notes',
          false,
          'Understanding LLM Tokenization and Its Challenges',
        ],
      ]);
      expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
    });
  });

  it('never takes agent-transcript JSONL files for sources (no times, no usage)', async () => {
    await withTempHome(async (home) => {
      const files = readdirSync(cursorDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(cursorDir, f));
      expect(files.length).toBeGreaterThan(0);
      for (const [i, file] of files.entries()) {
        await home.write(`.cursor/projects/home-ada-app/agent-transcripts/t${i}.jsonl`, readFileSync(file));
      }
      const ctx = testAdapterContext({ homeDir: home.dir });
      expect(await cursorAdapter.detect(ctx)).toBe(false);
      expect(await cursorAdapter.discover(ctx)).toEqual([]);
    });
  });
});
