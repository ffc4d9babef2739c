import { describe, expect, it } from 'vitest';
import { historyFacts } from './conversation-history.js';

describe('facts from api_conversation_history.json', () => {
  it('collects model tags with their prompt times and the first working directory', () => {
    const facts = historyFacts([
      {
        role: 'user',
        ts: 10,
        content: [
          {
            type: 'text',
            text: '<environment_details>\n# Current Workspace Directory (/home/u/app) Files\n<model>gpt-5</model>',
          },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: '<model>ignored</model>' }] },
      { role: 'user', content: '# Current Working Directory (C:\\work\\other) Files\n<model>claude-sonnet-4</model>' },
    ]);
    expect(facts).toEqual({
      models: [
        { ts: 10, model: 'gpt-5' },
        { ts: null, model: 'claude-sonnet-4' },
      ],
      cwd: '/home/u/app',
    });
  });

  it('ignores a multi-root workspace name that is not a path', () => {
    expect(
      historyFacts([{ role: 'user', content: '# Current Working Directory (my-workspace) Files' }]).cwd,
    ).toBeNull();
    expect(historyFacts({ not: 'a list' })).toEqual({ models: [], cwd: null });
  });
});
