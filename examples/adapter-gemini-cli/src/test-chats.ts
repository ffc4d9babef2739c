/** Small Gemini CLI chats for tests, in the shapes gemini-cli writes (agent-formats §5). */

export function geminiMessage(id: string, timestamp: string, tokens?: Record<string, number>, model = 'gemini-2.5-pro'): Record<string, unknown> {
  if (tokens === undefined) return { id, timestamp, type: 'user', content: [{ text: 'hi' }] };
  return { id, timestamp, type: 'gemini', content: 'ok', thoughts: [], tokens, model };
}

/** Two billable messages, an all-zero interrupted one, user messages; input includes cached. */
export function geminiChatJson(): string {
  return JSON.stringify({
    sessionId: 's-1',
    projectHash: 'abc',
    startTime: '2025-10-01T09:00:00.000Z',
    lastUpdated: '2025-10-01T09:10:00.000Z',
    messages: [
      geminiMessage('m1', '2025-10-01T09:00:00.000Z'),
      geminiMessage('m2', '2025-10-01T09:01:00.000Z', { input: 5_000, output: 100, cached: 4_000, thoughts: 50, tool: 0, total: 5_150 }),
      geminiMessage('m3', '2025-10-01T09:02:00.000Z', { input: 0, output: 0, cached: 0, thoughts: 0, tool: 0, total: 0 }),
      geminiMessage('m4', '2025-10-01T09:05:00.000Z', { input: 200, output: 20, cached: 0, thoughts: 0, tool: 0, total: 220 }, 'gemini-2.5-flash'),
    ],
  });
}

/** The log form: a message rewritten as it grows, a $set of all messages, a $set of lastUpdated. */
export function geminiChatJsonl(): string {
  const lines = [
    { sessionId: 's-2', projectHash: 'abc', startTime: '2025-11-01T08:00:00.000Z', lastUpdated: '2025-11-01T08:00:00.000Z', kind: 'main' },
    geminiMessage('u0', '2025-11-01T08:00:00.000Z'),
    geminiMessage('gone', '2025-11-01T08:01:00.000Z', { input: 9, output: 9, total: 18 }),
    { $set: { messages: [geminiMessage('u1', '2025-11-01T08:02:00.000Z')] } },
    geminiMessage('g1', '2025-11-01T08:03:00.000Z', { input: 100, output: 10, total: 110 }),
    geminiMessage('g1', '2025-11-01T08:03:00.000Z', { input: 100, output: 60, total: 160 }),
    { $set: { lastUpdated: '2025-11-01T08:30:00.000Z' } },
  ];
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}
