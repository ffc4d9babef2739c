import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatRequest,
  chatSession,
  copilotEventsPath,
  copilotSessionStart,
  copilotShutdown,
} from '@rimuru/test-utils/copilot';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { deeplyNested, insaneEvents, invalidUtf8, mutatedRecord, readWhole } from '@rimuru/test-utils/hostile';
import { copilotAdapter } from './adapter.js';

/** Property tests over both Copilot formats: the CLI's event log and VS Code's chat session JSON. */
describe('copilot adapter on hostile bytes', () => {
  let home: TempHome;
  let n = 0;
  const write = async (relative: string, content: string | Uint8Array) => {
    const path = join(home.dir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  };
  const ctx = () => testAdapterContext({ homeDir: home.dir });
  const readCli = async (content: string | Uint8Array) => {
    n += 1;
    const path = await write(copilotEventsPath(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`), content);
    return readWhole(copilotAdapter, { path, mode: 'append' }, ctx());
  };
  const readChat = async (content: string | Uint8Array) => {
    n += 1;
    const path = await write(
      join('.config', 'Code', 'User', 'workspaceStorage', 'w1', 'chatSessions', `s${n}.json`),
      content,
    );
    return readWhole(copilotAdapter, { path, mode: 'snapshot' }, ctx());
  };
  const start = copilotSessionStart({ id: 'e1', timestamp: '2026-01-01T00:00:00.000Z', sessionId: 'x', cwd: '/w' });
  const shutdown = JSON.parse(
    copilotShutdown({
      id: 'e9',
      timestamp: '2026-01-01T00:10:00.000Z',
      modelMetrics: { 'gpt-5': { inputTokens: 100, outputTokens: 20, requests: 2 } },
    }),
  ) as unknown;
  const session = chatSession({
    sessionId: 'chat-1',
    creationDate: 1_767_225_600_000,
    requests: [chatRequest({ timestamp: 1_767_225_601_000, modelId: 'copilot/gpt-5' })],
  });

  beforeAll(async () => {
    home = await createTempHome('rimuru-copilot-hostile-');
  });
  afterAll(() => home.cleanup());

  it('the unmutated templates are read (so the mutations exercise real parsing)', async () => {
    const cli = await readCli(`${start}\n${JSON.stringify(shutdown)}\n`);
    expect(cli.usage).toBeGreaterThanOrEqual(1);
    expect(cli.diagnostics).toBe(0);
    const chat = await readChat(JSON.stringify(session));
    expect(chat.events.some((e) => e.type === 'activity')).toBe(true);
    expect(chat.diagnostics).toBe(0);
  });

  it('arbitrary bytes and invalid UTF-8 in either format: no throw, sane events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }), invalidUtf8()), { maxLength: 8 }),
        async (chunks) => {
          const bytes = Buffer.concat(chunks.flatMap((c) => [Buffer.from(c), Buffer.from('\n')]));
          expect(insaneEvents((await readCli(bytes)).events)).toEqual([]);
          expect(insaneEvents((await readChat(bytes)).events)).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a shutdown event or chat session with any one field hostile: sane totals, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRecord(shutdown), mutatedRecord(session), async (event, chat) => {
        expect(insaneEvents((await readCli(`${start}\n${JSON.stringify(event)}\n`)).events)).toEqual([]);
        expect(insaneEvents((await readChat(JSON.stringify(chat))).events)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a 50 MB line and 100k-deep nesting: no throw, a diagnostic, the good lines still read', async () => {
    const huge = `{"type":"assistant.message","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const out = await readCli(`${start}\n${huge}\n${deeplyNested(100_000, 'array')}\n${JSON.stringify(shutdown)}\n`);
    expect(insaneEvents(out.events)).toEqual([]);
    expect(out.diagnostics).toBeGreaterThanOrEqual(1);
    expect(out.usage).toBeGreaterThanOrEqual(1);
    const chat = await readChat(deeplyNested(100_000, 'object'));
    expect(insaneEvents(chat.events)).toEqual([]);
  }, 60_000);
});
