export { runAdapterContract, type AdapterContractOptions } from './run-adapter-contract.js';
export { eventView, type EventView, type ActivityView } from './event-view.js';
export { eventProblem } from './event-shape.js';
export { FROM_START, readAll, readDiscovered, readSources } from './read-all.js';
export { applyBadBytes, badBytesArbitrary, type BadBytes } from './bad-bytes.js';
