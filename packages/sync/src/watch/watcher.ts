import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import type { AgentAdapter } from '@rimuru/core';
import type { FSWatcher } from 'chokidar';
import { syncAll, type SyncOptions } from '../engine/sync-engine.js';
import type { SyncSummary } from '../engine/sync-summary.js';
import { SessionStatusTracker, type StatusChange } from './session-status-tracker.js';

type WatchTrigger = 'start' | 'change' | 'rescan';

export interface WatchOptions extends Omit<SyncOptions, 'onProgress'> {
  /** Quiet time after the last file event before syncing (an agent writes in bursts). */
  debounceMs?: number;
  /** Full incremental sync on this period whatever the events say: the polling fallback. */
  rescanMs?: number;
  /** Poll files instead of using OS events (network or synced folders that send none). */
  usePolling?: boolean;
  activeWindowMs: number;
  onSync?: (summary: SyncSummary, trigger: WatchTrigger) => void;
  onStatus?: (change: StatusChange) => void;
  onError?: (error: unknown) => void;
}

export interface Watcher {
  /** Roots followed with file-system events. */
  readonly roots: string[];
  /** Stops events and timers, waits for a running sync to commit. */
  close(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_RESCAN_MS = 5_000;

async function rootsOf(adapters: readonly AgentAdapter[], options: WatchOptions): Promise<Map<string, AgentAdapter>> {
  const roots = new Map<string, AgentAdapter>();
  for (const adapter of adapters) {
    try {
      for (const root of await adapter.roots(options.ctx)) if (existsSync(root)) roots.set(root, adapter);
    } catch (error) {
      options.onError?.(error);
    }
  }
  return roots;
}

/**
 * Follows every adapter's data roots and syncs what changed: file events (debounced) sync
 * the adapters whose roots hold the changed path; a periodic rescan syncs everything, which
 * also picks up roots created after start. Syncs run one at a time; events during a sync
 * queue one more run. Active sessions are re-listed after each sync and when the next one's
 * window passes, so active → completed changes are reported without new data.
 */
export async function startWatcher(options: WatchOptions): Promise<Watcher> {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const rescanMs = options.rescanMs ?? DEFAULT_RESCAN_MS;
  const rootMap = await rootsOf(options.adapters, options);
  const tracker = new SessionStatusTracker(options.store, () => options.ctx.now(), options.activeWindowMs);

  let closed = false;
  let running: Promise<void> | null = null;
  let pending: Set<AgentAdapter> | 'all' | null = null;
  let pendingTrigger: WatchTrigger = 'change';
  let debounce: NodeJS.Timeout | null = null;
  let statusTimer: NodeJS.Timeout | null = null;

  const refreshStatus = async (): Promise<void> => {
    if (statusTimer !== null) clearTimeout(statusTimer);
    const { changes, nextExpiryMs } = await tracker.refresh();
    for (const change of changes) options.onStatus?.(change);
    if (!closed) statusTimer = setTimeout(() => void refreshStatus().catch(options.onError), nextExpiryMs);
  };

  const runOnce = async (adapters: readonly AgentAdapter[], trigger: WatchTrigger): Promise<void> => {
    try {
      const summary = await syncAll({ ...options, adapters });
      options.onSync?.(summary, trigger);
      await refreshStatus();
    } catch (error) {
      options.onError?.(error);
    }
  };

  const drain = (): void => {
    if (running !== null || pending === null || closed) return;
    const what = pending;
    const trigger = pendingTrigger;
    pending = null;
    const adapters = what === 'all' ? options.adapters : options.adapters.filter((a) => what.has(a));
    running = runOnce(adapters, trigger).finally(() => {
      running = null;
      drain();
    });
  };

  const request = (adapter: AgentAdapter | 'all', trigger: WatchTrigger): void => {
    if (adapter === 'all' || pending === 'all') pending = 'all';
    else {
      const set: Set<AgentAdapter> = pending ?? new Set();
      set.add(adapter);
      pending = set;
    }
    pendingTrigger = trigger;
  };

  const adapterOf = (path: string): AgentAdapter | null => {
    for (const [root, adapter] of rootMap) if (path === root || path.startsWith(root + sep)) return adapter;
    return null;
  };

  const onEvent = (path: string): void => {
    const adapter = adapterOf(path);
    if (adapter === null) return;
    request(adapter, 'change');
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      drain();
    }, debounceMs);
  };

  request('all', 'start');
  drain();

  const roots = [...rootMap.keys()];
  let fsWatcher: FSWatcher | null = null;
  if (roots.length > 0) {
    // Imported here: every CLI command loads this package, only `watch` and the TUI watch files.
    const { watch } = await import('chokidar');
    fsWatcher = watch(roots, {
      ignoreInitial: true,
      usePolling: options.usePolling ?? false,
      interval: 250,
      ignorePermissionErrors: true,
    });
    fsWatcher
      .on('add', onEvent)
      .on('change', onEvent)
      .on('unlink', onEvent)
      .on('error', (e) => options.onError?.(e));
    await new Promise<void>((resolve) => fsWatcher?.once('ready', () => resolve()));
  }

  const rescan = setInterval(() => {
    request('all', 'rescan');
    drain();
  }, rescanMs);

  return {
    roots,
    async close() {
      closed = true;
      clearInterval(rescan);
      if (debounce !== null) clearTimeout(debounce);
      if (statusTimer !== null) clearTimeout(statusTimer);
      await fsWatcher?.close();
      while (running !== null) await running;
    },
  };
}
