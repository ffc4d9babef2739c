import type { AgentAdapter } from '@rimuru/core';
import { discoverDroidSources, hasDroidData, isSettingsFile } from './discover.js';
import { readDroidSettings } from './read-settings.js';
import { readDroidTranscript } from './read-transcript.js';
import { droidSessionRoots } from './roots.js';

/**
 * Reads Factory's Droid CLI: transcripts (`<uuid>.jsonl`, activity, project, title) and the
 * per-session cumulative token snapshots beside them (`<uuid>.settings.json`).
 */
export const droidAdapter: AgentAdapter = {
  id: 'droid',
  label: 'Droid',
  detect: (ctx) => hasDroidData(ctx),
  roots: (ctx) => droidSessionRoots(ctx),
  discover: (ctx) => discoverDroidSources(ctx),
  read: (source, from) =>
    isSettingsFile(source.path) ? readDroidSettings(source.path, from) : readDroidTranscript(source.path, from),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
