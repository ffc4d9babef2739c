import { describe, expect, it } from 'vitest';
import { crushInstant } from './crush-time.js';
import { crushEvents, type MessageRow, type SessionRow } from './session-events.js';

const T0 = 1_767_600_000; // epoch seconds
const session = (over: Partial<SessionRow> = {}): SessionRow => ({
  id: 's1',
  parentId: null,
  title: 'Fix the build',
  cost: 0.25,
  createdAt: T0,
  updatedAt: T0 + 60,
  ...over,
});
const message = (over: Partial<MessageRow> = {}): MessageRow => ({
  sessionId: 's1',
  role: 'assistant',
  model: 'gpt-5.1',
  createdAt: T0 + 5,
  updatedAt: T0 + 9,
  finishedAt: T0 + 9,
  ...over,
});

describe('crushInstant', () => {
  it('reads epoch seconds, and milliseconds when too large for seconds', () => {
    expect(crushInstant(T0)?.iso).toBe(new Date(T0 * 1000).toISOString());
    expect(crushInstant(T0 * 1000)?.iso).toBe(new Date(T0 * 1000).toISOString());
    expect(crushInstant(String(T0))?.ms).toBe(T0 * 1000);
    expect([crushInstant(0), crushInstant(null), crushInstant('soon'), crushInstant(-5)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('crushEvents', () => {
  it('gives a top-level session one recorded-cost event ranked by its cumulative cost, and unknown tokens', () => {
    const { usages, activities, problems } = crushEvents(
      [session()],
      [message(), message({ role: 'user', model: null })],
      '/p',
    );
    expect(problems).toEqual([]);
    expect(usages).toHaveLength(1);
    expect(usages[0]).toMatchObject({
      sessionExternalId: 's1',
      dedupeKey: 's1:cost',
      rank: 250_000_000,
      recordedCostUsd: 0.25,
      model: 'gpt-5.1',
      occurredAt: new Date((T0 + 60) * 1000).toISOString(),
    });
    expect(Object.values(usages[0]?.tokens ?? {}).every((n) => n === 0)).toBe(true);
    expect(activities).toEqual([
      {
        type: 'activity',
        sessionExternalId: 's1',
        firstAt: new Date(T0 * 1000).toISOString(),
        lastAt: new Date((T0 + 60) * 1000).toISOString(),
        projectPath: '/p',
        parentExternalId: null,
        tokensKnown: false,
        title: 'Fix the build',
        models: ['gpt-5.1'],
      },
    ]);
  });

  it('ranks a later, larger cost of the same session higher under the same key', () => {
    const early = crushEvents([session({ cost: 0.1 })], [], null).usages[0];
    const later = crushEvents([session({ cost: 0.1000001 })], [], null).usages[0];
    expect(later?.dedupeKey).toBe(early?.dedupeKey);
    expect(later?.rank ?? 0).toBeGreaterThan(early?.rank ?? 0);
  });

  it('gives a sub-agent session no cost event (its cost is in its parent) but its activity and parent', () => {
    const { usages, activities } = crushEvents(
      [session(), session({ id: 'c1', parentId: 's1', cost: 0.05 })],
      [message({ sessionId: 'c1' })],
      null,
    );
    expect(usages.map((u) => u.sessionExternalId)).toEqual(['s1']);
    expect(activities.find((a) => a.sessionExternalId === 'c1')?.parentExternalId).toBe('s1');
  });

  it('records no dollars for a zero cost (flat rate, estimated usage) and names no model for a mixed session', () => {
    expect(crushEvents([session({ cost: 0 })], [message()], null).usages).toEqual([]);
    const mixed = crushEvents([session()], [message(), message({ model: 'claude-opus-4' })], null);
    expect(mixed.usages[0]?.model).toBeNull();
    expect(mixed.activities[0]?.models).toEqual(['claude-opus-4', 'gpt-5.1']);
  });

  it('widens the session span with message times and reports broken rows as problems', () => {
    const wide = crushEvents([session()], [message({ finishedAt: T0 + 600 })], null).activities[0];
    expect(wide?.lastAt).toBe(new Date((T0 + 600) * 1000).toISOString());
    const bad = crushEvents(
      [session({ cost: 'lots' }), session({ id: null }), session({ id: 's2', createdAt: null, updatedAt: 'x' })],
      [message({ sessionId: null })],
      null,
    );
    expect(bad.usages).toEqual([]);
    expect(bad.problems).toHaveLength(4);
    expect(bad.activities.map((a) => a.sessionExternalId)).toEqual(['s1']);
  });

  it('keeps the activity of messages whose session row is missing, without a cost', () => {
    const { usages, activities } = crushEvents([], [message({ sessionId: 'gone' })], '/p');
    expect(usages).toEqual([]);
    expect(activities[0]).toMatchObject({
      sessionExternalId: 'gone',
      title: null,
      tokensKnown: false,
      projectPath: '/p',
    });
  });
});
