export { runAdapterContract } from './run-adapter-contract.js';
export { eventView } from './event-view.js';
export { readDiscovered, readSources } from './read-all.js';
