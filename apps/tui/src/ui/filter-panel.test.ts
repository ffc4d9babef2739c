import { describe, expect, it } from 'vitest';
import { initialQueryState } from '../view-models/session-query-state.js';
import { changeFilter, choiceLine, filterPanelText } from './filter-panel.js';
import { paint } from './tags.js';

const plain = paint(0);
/** The text a user sees: the selection's inverse video removed. */
const seen = (text: string) => text.replace(/\{\/?inverse\}/g, '');
const AGENT_ROW = 1;

describe('filter panel', () => {
  it("offers the agent types it is given (the store's and plugins'), not a fixed list", () => {
    const types = ['acme-agent', 'claude-code'];
    let state = initialQueryState();
    const chosen: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      state = changeFilter(state, AGENT_ROW, 1, types);
      chosen.push(state.agentType);
    }
    expect(chosen).toEqual(['acme-agent', 'claude-code', null]);
    expect(changeFilter(initialQueryState(), AGENT_ROW, -1, types).agentType).toBe('claude-code');
    const text = seen(filterPanelText(state, AGENT_ROW, plain, types));
    expect(text).toContain('▸ Agent Type   All   acme-agent   claude-code ');
    expect(text).not.toContain('codex');
  });

  it('keeps a chosen type choosable after the store stops listing it', () => {
    const state = { ...initialQueryState(), agentType: 'gone-agent' };
    expect(changeFilter(state, AGENT_ROW, 1, ['claude-code']).agentType).toBe(null);
    expect(filterPanelText(state, AGENT_ROW, plain, ['claude-code'])).toContain(' gone-agent ');
  });

  it('shows a window around the current choice when the row is wider than the panel', () => {
    const choices = ['All', ...Array.from({ length: 20 }, (_, i) => `agent-${String(i).padStart(2, '0')}`)];
    const line = seen(choiceLine(choices, 'agent-10', 40, plain));
    expect([...line].length).toBeLessThanOrEqual(40);
    expect(line).toContain(' agent-10 ');
    expect(line.startsWith('… ')).toBe(true);
    expect(line.endsWith(' …')).toBe(true);
    expect(seen(choiceLine(choices, 'All', 40, plain)).startsWith(' All ')).toBe(true);
    expect(choiceLine(choices, 'agent-10', 40, plain)).toContain('{inverse} agent-10 {/inverse}');
  });
});
