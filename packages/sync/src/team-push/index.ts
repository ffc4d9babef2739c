/** Team push: replicates a local store's changes into a shared PostgreSQL. */
export { pushStore } from './team-push.js';
