import { expect, it } from 'vitest';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';

/** Sessions of agents without token data (Copilot Chat, Cursor's tokenless chats) still name models and count requests. */
describeBackends('tokenless activity facts on $name', (backend) => {
  const h = useTestStore(backend);
  const one = async (externalId: string) => {
    const [s] = await h.store.sessions.find(externalId);
    if (s === undefined) throw new Error(`no session ${externalId}`);
    return s;
  };
  const chat = (models: string[] | undefined, requestCount: number | undefined) =>
    batch({
      agentType: 'copilot',
      activity: [activity({ sessionExternalId: 'chat-1', tokensKnown: false, models, requestCount })],
    });

  it('keeps models and request count of a tokenless session; tokens stay unknown', async () => {
    await h.store.ingest(chat(['copilot/gpt-4.1', 'copilot/claude-sonnet-4'], 3));
    const s = await one('chat-1');
    expect(s.tokens).toBeNull();
    expect(s.models).toEqual(['copilot/claude-sonnet-4', 'copilot/gpt-4.1']);
    // No tokens to rank by: the first model the agent used.
    expect(s.model).toBe('copilot/gpt-4.1');
    expect(s.requestCount).toBe(3);
  });

  it('merges re-reads as union of models and maximum of counts, never a sum', async () => {
    await h.store.ingest(chat(['a'], 2));
    await h.store.ingest(chat(['b'], 5));
    await h.store.ingest(chat(['a'], 4));
    const s = await one('chat-1');
    expect(s.models).toEqual(['a', 'b']);
    expect(s.requestCount).toBe(5);
  });

  it('leaves the row alone when a re-read says nothing new', async () => {
    await h.store.ingest(chat(['a'], 2));
    const before = (await one('chat-1')).updatedAt.getTime();
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await h.store.ingest(chat(['a'], 2));
    await h.store.ingest(chat(undefined, undefined));
    expect((await one('chat-1')).updatedAt.getTime()).toBe(before);
  });

  it('shows the union with usage models, and counts usage records once any exist', async () => {
    await h.store.ingest(
      batch({
        activity: [activity({ sessionExternalId: 'sess-a', models: ['gpt-5', '<synthetic>'], requestCount: 9 })],
      }),
    );
    expect((await one('sess-a')).requestCount).toBe(9);
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'k1', model: 'claude-sonnet-4' }),
          usage({ dedupeKey: 'k2', model: 'claude-sonnet-4', occurredAt: at(2) }),
        ],
      }),
    );
    const s = await one('sess-a');
    expect(s.models).toEqual(['claude-sonnet-4', 'gpt-5']);
    expect(s.model).toBe('claude-sonnet-4');
    expect(s.requestCount).toBe(2);
  });
});

describeBackends('diagnostic counts per agent on $name', (backend) => {
  const h = useTestStore(backend);

  it('sums source_files.diagnostic_count per agent type over every stretch', async () => {
    expect(await h.store.sources.diagnosticCounts()).toEqual([]);
    const source = (agentType: string, path: string, diagnosticCount: number) => {
      const b = batch({ agentType, diagnosticCount });
      return { ...b, checkpoint: { ...b.checkpoint, path } };
    };
    await h.store.ingest(source('codex', '/c/1.jsonl', 2));
    await h.store.ingest(source('codex', '/c/1.jsonl', 3));
    await h.store.ingest(source('codex', '/c/2.jsonl', 0));
    await h.store.ingest(source('cursor', '/u/state.vscdb', 1));
    expect(await h.store.sources.diagnosticCounts()).toEqual([
      { agentType: 'codex', sources: 2, diagnostics: 5 },
      { agentType: 'cursor', sources: 1, diagnostics: 1 },
    ]);
  });
});
