export * from './agent-type.js';
export * from './tokens.js';
export * from './adapter-event.js';
export * from './adapter.js';
export * from './errors.js';
export * from './session.js';
