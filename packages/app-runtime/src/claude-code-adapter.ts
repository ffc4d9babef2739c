// Claude Code's adapter alone, for a program that reads one Claude transcript and nothing else
// (`rimuru statusline`, run on every update of a conversation): importing every built-in
// adapter (`./builtin-adapters`) would cost it several times this one's load.
export { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
