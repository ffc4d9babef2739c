export { droidAdapter } from './adapter.js';
