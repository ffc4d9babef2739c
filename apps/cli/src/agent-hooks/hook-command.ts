/** Quotes one word for a POSIX shell (Claude Code runs hook commands through one). */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * How an agent should call this rimuru: the running node and script by absolute path, so the
 * hook works whatever PATH the agent gives its hooks.
 */
export function rimuruArgv(): string[] {
  const script = process.argv[1];
  return script === undefined ? ['rimuru'] : [process.execPath, script];
}

export function hookCommandLine(args: readonly string[]): string {
  return [...rimuruArgv(), ...args].map(shellQuote).join(' ');
}
