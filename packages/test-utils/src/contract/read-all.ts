import type { AdapterContext, AdapterEvent, AgentAdapter, ReadPosition, SourceRef } from '@rimuru/core';

export const FROM_START: ReadPosition = { offset: 0, state: null };

export async function readAll(
  adapter: AgentAdapter,
  source: SourceRef,
  from: ReadPosition,
  ctx: AdapterContext,
): Promise<AdapterEvent[]> {
  const events: AdapterEvent[] = [];
  for await (const event of adapter.read(source, from, ctx)) events.push(event);
  return events;
}

/** Every event of each source in turn, each read from the start. */
export async function readSources(
  adapter: AgentAdapter,
  sources: readonly SourceRef[],
  ctx: AdapterContext,
): Promise<AdapterEvent[]> {
  const events: AdapterEvent[] = [];
  for (const source of sources) events.push(...(await readAll(adapter, source, FROM_START, ctx)));
  return events;
}

/** Every event of every source the adapter discovers in `ctx`, each read from the start. */
export async function readDiscovered(adapter: AgentAdapter, ctx: AdapterContext): Promise<AdapterEvent[]> {
  return readSources(adapter, await adapter.discover(ctx), ctx);
}

/** Where the engine would resume after these events: their last checkpoint, else where it started. */
export function resumePoint(events: readonly AdapterEvent[], from: ReadPosition): ReadPosition {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.type === 'checkpoint') return { offset: event.offset, state: event.state };
  }
  return from;
}

/** Events up to and including the last checkpoint: what the engine commits (the rest is never written). */
export function committed(events: readonly AdapterEvent[]): AdapterEvent[] {
  let last = -1;
  events.forEach((e, i) => {
    if (e.type === 'checkpoint') last = i;
  });
  return events.slice(0, last + 1);
}
