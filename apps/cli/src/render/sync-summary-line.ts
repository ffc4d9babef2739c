import type { SyncSummary } from '@rimuru/sync';

/** The one-line summary of a sync, e.g. "Synced 3 of 120 files (2.1 MiB): 412 new requests, 2 malformed lines skipped". */
export function syncSummaryLine(s: SyncSummary): string {
  const parts: string[] = [];
  const mib = (s.bytesRead / (1024 * 1024)).toFixed(1);
  const head =
    s.sourcesRead === 0
      ? `Up to date: ${s.sourcesSeen} ${plural(s.sourcesSeen, 'file')} checked`
      : `Synced ${s.sourcesRead} of ${s.sourcesSeen} ${plural(s.sourcesSeen, 'file')} (${mib} MiB)`;
  if (s.sourcesRead > 0) {
    parts.push(`${s.usageInserted} new ${plural(s.usageInserted, 'request')}`);
    if (s.usageReplaced > 0) parts.push(`${s.usageReplaced} updated`);
    if (s.usageIgnored > 0)
      parts.push(`${s.usageIgnored} duplicate ${plural(s.usageIgnored, 'copy', 'copies')} ignored`);
    if (s.replaysDropped > 0) parts.push(`${s.replaysDropped} sidechain ${plural(s.replaysDropped, 'replay')} dropped`);
  }
  if (s.sourcesReread > 0) parts.push(`${s.sourcesReread} rewritten ${plural(s.sourcesReread, 'file')} re-read`);
  if (s.diagnostics > 0) parts.push(`${s.diagnostics} malformed ${plural(s.diagnostics, 'line')} skipped`);
  for (const e of s.adapterErrors) parts.push(`${e.agentType}: ${e.message}`);
  return parts.length > 0 ? `${head}: ${parts.join(', ')} in ${s.durationMs} ms` : `${head} in ${s.durationMs} ms`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** One warning line per agent whose files may have changed format (printed after the summary). */
export function formatDriftLines(s: SyncSummary): string[] {
  return s.formatDrift.map((d) => `warning: ${d.message}`);
}
