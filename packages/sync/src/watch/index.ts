/** Live tracking: re-syncs on file changes and reports sessions turning active or completed. */
export { startWatcher, DEFAULT_DEBOUNCE_MS, DEFAULT_RESCAN_MS, type Watcher } from './watcher.js';
