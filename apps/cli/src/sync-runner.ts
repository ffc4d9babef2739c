import type { Config } from '@oclif/core';
import { syncAll, type SyncProgress, type SyncSummary } from '@rimuru/sync';
import cliProgress from 'cli-progress';
import type { Runtime } from './runtime.js';
import { syncOptionsOf } from './sync-options.js';

/** Below this much new data a progress bar would only flicker. */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

/**
 * Runs an incremental sync, with a progress bar on an interactive stderr when there is real work.
 * With the command's oclif `config`, plugin adapters are synced too; without it, the built-ins.
 */
export async function runSync(runtime: Runtime, options: { progress: boolean; config?: Config }): Promise<SyncSummary> {
  let bar: cliProgress.SingleBar | null = null;
  const showBar = options.progress && process.stderr.isTTY === true;
  const onProgress = (p: SyncProgress): void => {
    if (!showBar) return;
    if (!bar && p.bytesTotal >= PROGRESS_MIN_BYTES) {
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'Syncing {bar} {percentage}% | {value}/{total} MiB | {sources}/{sourcesTotal} files',
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(toMiB(p.bytesTotal), 0, { sources: 0, sourcesTotal: p.sourcesTotal });
    }
    bar?.update(toMiB(p.bytesDone), { sources: p.sourcesDone, sourcesTotal: p.sourcesTotal });
  };
  try {
    return await syncAll({ ...(await syncOptionsOf(runtime, options.config)), onProgress });
  } finally {
    (bar as cliProgress.SingleBar | null)?.stop();
  }
}

function toMiB(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
