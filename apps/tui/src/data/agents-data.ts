import type { AgentType } from '@rimuru/core';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import type { TuiRuntime } from '../tui-runtime.js';

export interface AgentSummary {
  type: AgentType;
  label: string;
  detected: boolean;
  roots: string[];
  sessionCount: number;
  lastActivityAt: Date | null;
}

/** Each built-in agent: detected here?, its data roots, and what the store holds of it. */
export async function loadAgents(rt: TuiRuntime): Promise<AgentSummary[]> {
  const stored = await rt.store.agents.list();
  const out: AgentSummary[] = [];
  for (const adapter of builtinAdapters()) {
    let roots: string[] = [];
    let detected = false;
    try {
      roots = await adapter.roots(rt.ctx);
      detected = await adapter.detect(rt.ctx);
    } catch {
      // A misconfigured root is reported by sync; here the agent is just not detected.
    }
    const mine = stored.filter((a) => a.type === adapter.id);
    const last = mine.map((a) => a.lastActivityAt).filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    out.push({
      type: adapter.id,
      label: adapter.label,
      detected,
      roots,
      sessionCount: mine.reduce((n, a) => n + a.sessionCount, 0),
      lastActivityAt: last ?? null,
    });
  }
  return out;
}
