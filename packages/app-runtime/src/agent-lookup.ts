import { recordLookups, type AdapterContext, type AgentAdapter } from '@rimuru/core';

/** Where one agent's data was looked for, and what moves it. */
export interface AgentLookup {
  agentType: string;
  /** The data roots found (empty: none on this machine). */
  roots: string[];
  /** Every place checked, found or not, in the order the adapter checked them. */
  lookedIn: string[];
  /** Environment variables the adapter read that point it elsewhere (CLAUDE_CONFIG_DIR, …). */
  variables: string[];
  /** Why looking failed (a variable naming nothing usable), or null. */
  error: string | null;
}

/** Variables every adapter consults for the home and app folders: they move nothing of one agent's own. */
const GENERIC_VARIABLES =
  /^(HOME|USERPROFILE|HOMEDRIVE|HOMEPATH|APPDATA|LOCALAPPDATA|XDG_[A-Z_]+|PATH|TMPDIR|TEMP|TMP|USER|SHELL|WSL_DISTRO_NAME)$/;

/** The first line of what a lookup threw: enough for one row of doctor's report. */
function firstLineOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * Asks each adapter for its data roots while noting every path it checks and every variable it
 * reads: what `rimuru doctor`, an empty `rimuru sessions` and the TUI show on a machine where
 * nothing was found. Adapters run one after another (each recording is its own).
 */
export async function lookupAgents(adapters: readonly AgentAdapter[], ctx: AdapterContext): Promise<AgentLookup[]> {
  const out: AgentLookup[] = [];
  for (const adapter of adapters) {
    const read = new Set<string>();
    const env = new Proxy(ctx.env, {
      get(target, name, receiver) {
        if (typeof name === 'string') read.add(name);
        return Reflect.get(target, name, receiver) as unknown;
      },
    });
    const result = await recordLookups(() => adapter.roots({ ...ctx, env }));
    out.push({
      agentType: adapter.id,
      roots: result.value ?? [],
      lookedIn: result.paths,
      variables: [...read].filter((v) => !GENERIC_VARIABLES.test(v)),
      error: result.error === undefined ? null : firstLineOf(result.error),
    });
  }
  return out;
}
