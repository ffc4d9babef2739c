import type { AdapterEvent } from '@rimuru/core';
import { collectEvents } from '@rimuru/test-utils/claude';
import { createTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { readDroidTranscript } from './read-transcript.js';

const lines = [
  { type: 'session_start', id: 'abc', title: 'Fix the build', cwd: '/home/dev/app', version: 2 },
  { type: 'message', id: 'm1', timestamp: '2026-04-01T10:00:00.000Z', message: { role: 'user', content: [] } },
  { type: 'todo_state', id: 't1', timestamp: '2026-04-01T10:05:00.000Z', todos: '' },
  { type: 'message', id: 'm2', timestamp: '2026-04-01T10:02:00.000Z', message: { role: 'assistant', content: [] } },
  { type: 'mystery', timestamp: '2026-04-01T11:00:00.000Z' },
  [1, 2],
];

describe('readDroidTranscript', () => {
  it('gives a tokenless activity with project, title and the span of every timestamped record', async () => {
    const home = await createTempHome('rimuru-droid-transcript-');
    try {
      const path = await home.write(
        '.factory/sessions/-home-dev-app/abc.jsonl',
        `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"partial":`,
      );
      const events: AdapterEvent[] = await collectEvents(readDroidTranscript(path, { offset: 0, state: null }));
      expect(events.filter((e) => e.type === 'activity')).toEqual([
        {
          type: 'activity',
          sessionExternalId: 'abc',
          firstAt: '2026-04-01T10:00:00.000Z',
          lastAt: '2026-04-01T10:05:00.000Z',
          projectPath: '/home/dev/app',
          parentExternalId: null,
          tokensKnown: false,
          title: 'Fix the build',
        },
      ]);
      const diagnostics = events.flatMap((e) => (e.type === 'diagnostic' ? [[e.code, e.line]] : []));
      expect(diagnostics).toEqual([
        ['invalid-record', 5],
        ['invalid-record', 6],
      ]);
      const last = events.at(-1);
      expect(last?.type === 'checkpoint' && last.offset).toBe(
        Buffer.byteLength(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`),
      );
    } finally {
      await home.cleanup();
    }
  });
});
