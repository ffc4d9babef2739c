export { startTui } from './start-tui.js';
export { main } from './main.js';
