import { describe, expect, it } from 'vitest';
import { parseLegacySession } from './legacy-session.js';

describe('parseLegacySession', () => {
  it('reads the metadata line counters (accumulated first) and dates them by the last message', () => {
    const text = [
      JSON.stringify({
        working_dir: '/w',
        description: 'fix',
        input_tokens: 3,
        output_tokens: 4,
        accumulated_input_tokens: 300,
        accumulated_output_tokens: 40,
      }),
      JSON.stringify({ role: 'user', created: 1_746_100_800, content: [] }),
      JSON.stringify({ role: 'assistant', created: 1_746_100_860, content: [] }),
      '',
    ].join('\n');
    const { session, diagnostics } = parseLegacySession(text, '20250501_1');
    expect(diagnostics).toEqual([]);
    expect(session).toMatchObject({
      id: '20250501_1',
      projectPath: '/w',
      title: 'fix',
      cumulative: { input: 300, output: 40 },
      fromDatabase: false,
    });
    expect(session.updatedAt?.iso).toBe('2025-05-01T12:01:00.000Z');
  });

  it('falls back to the older per-session counters, and treats a first line with a role as a message', () => {
    expect(
      parseLegacySession(`${JSON.stringify({ working_dir: '/w', input_tokens: 3, output_tokens: 4 })}\n`, 'a').session
        .cumulative,
    ).toMatchObject({ input: 3, output: 4 });
    const noMeta = parseLegacySession(
      `${JSON.stringify({ role: 'user', created: 1_746_100_800, content: [] })}\n`,
      'b',
    ).session;
    expect(noMeta.cumulative).toBeNull();
    expect(noMeta.times).toHaveLength(1);
  });

  it('reports broken lines but not an unterminated last line still being written', () => {
    const { diagnostics } = parseLegacySession(`{"working_dir":"/w"}\nnot json\n[1]\n{"role":"user","crea`, 'c');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['invalid-json', 2],
      ['invalid-record', 3],
    ]);
  });
});
