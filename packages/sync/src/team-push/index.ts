/** Team push: replicates a local store's changes into a shared PostgreSQL. */
export { pushStore, pushCursorKey, type PushOptions, type PushSummary } from './team-push.js';
