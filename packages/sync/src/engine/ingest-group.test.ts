import type { IngestBatch, IngestResult, SessionStore } from '@rimuru/db';
import { describe, expect, it } from 'vitest';
import { IngestGroup } from './ingest-group.js';

/** A store that records each ingestMany call and answers each batch with its own usage count. */
function recordingStore(): { store: SessionStore; calls: number[][] } {
  const calls: number[][] = [];
  const store = {
    ingestMany: (batches: readonly IngestBatch[]): Promise<IngestResult[]> => {
      calls.push(batches.map((b) => b.checkpoint.offset));
      return Promise.resolve(
        batches.map((b) => ({
          usageInserted: b.usage.length,
          usageReplaced: 0,
          usageIgnored: 0,
          replaysDropped: 0,
          sessionsTouched: 1,
        })),
      );
    },
  } as unknown as SessionStore;
  return { store, calls };
}

function batch(offset: number, usage: number): IngestBatch {
  return {
    agentType: 'claude-code',
    agentName: 'Claude Code',
    host: 'h',
    checkpoint: { offset } as IngestBatch['checkpoint'],
    usage: Array.from<IngestBatch['usage'][number]>({ length: usage }),
    activity: [],
    diagnosticCount: 0,
  };
}

describe('IngestGroup', () => {
  it('writes consecutive batches together, in order, once a limit is reached, and the rest on flush', async () => {
    const { store, calls } = recordingStore();
    const group = new IngestGroup(store, { batches: 3, usage: 10, ageMs: 60_000 });
    const committed: Array<[number, number]> = [];
    const add = (offset: number, usage: number) =>
      group.add(batch(offset, usage), (r) => committed.push([offset, r.usageInserted]));
    await add(1, 1); // the first group holds one batch, the next two, then up to the limit
    await add(2, 1);
    await add(3, 1);
    await add(4, 1);
    await add(5, 1);
    expect(calls).toEqual([[1], [2, 3]]);
    await add(6, 1); // third batch of the group: the batch limit
    await add(7, 12); // usage limit alone
    await add(8, 0);
    await group.flush();
    await group.flush();
    expect(calls).toEqual([[1], [2, 3], [4, 5, 6], [7], [8]]);
    expect(committed).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 1],
      [6, 1],
      [7, 12],
      [8, 0],
    ]);
  });

  it('writes a group once its first batch waited long enough, however small it is', async () => {
    const { store, calls } = recordingStore();
    const group = new IngestGroup(store, { batches: 100, usage: 100, ageMs: 20 });
    for (const offset of [1, 2, 3, 4]) await group.add(batch(offset, 1), () => {});
    expect(calls).toEqual([[1], [2, 3]]); // the third group may hold four batches...
    await new Promise((resolve) => setTimeout(resolve, 30));
    await group.add(batch(5, 1), () => {});
    expect(calls).toEqual([[1], [2, 3], [4, 5]]); // ...but its first one waited too long
  });
});
