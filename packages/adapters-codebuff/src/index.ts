export { codebuffAdapter } from './adapter.js';
