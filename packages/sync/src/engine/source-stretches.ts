import type { AdapterDiagnostic, AdapterEvent, SessionActivity, CheckpointEvent, UsageEvent } from '@rimuru/core';

/**
 * The events of a source between two checkpoints, closed by the later one: what the engine
 * commits in one transaction. Within a stretch only the order of each kind matters (usage
 * order decides ties between copies, diagnostics order decides the samples kept), so each kind
 * keeps its own list.
 */
export interface Stretch {
  usage: UsageEvent[];
  activity: SessionActivity[];
  diagnostics: AdapterDiagnostic[];
  /**
   * The checkpoint that closes the stretch; null for events after the last checkpoint (an
   * unreadable source yields only its diagnostic), which are counted but never committed.
   */
  checkpoint: CheckpointEvent | null;
}

function emptyStretch(): Stretch {
  return { usage: [], activity: [], diagnostics: [], checkpoint: null };
}

/** An adapter's event stream as stretches, one per checkpoint, plus a last open one when events follow the last checkpoint. */
export async function* stretchesOf(events: AsyncIterable<AdapterEvent>): AsyncGenerator<Stretch> {
  let stretch = emptyStretch();
  for await (const event of events) {
    switch (event.type) {
      case 'usage':
        stretch.usage.push(event);
        break;
      case 'activity':
        stretch.activity.push(event);
        break;
      case 'diagnostic':
        stretch.diagnostics.push(event);
        break;
      case 'checkpoint':
        stretch.checkpoint = event;
        yield stretch;
        stretch = emptyStretch();
        break;
    }
  }
  if (stretch.usage.length > 0 || stretch.activity.length > 0 || stretch.diagnostics.length > 0) yield stretch;
}
