// Shared with the TUI through @rimuru/app-runtime; runtime.ts keeps importing it from here.
export { envWithConfigRoots } from '@rimuru/app-runtime';
