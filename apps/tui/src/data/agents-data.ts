import { lookupAgents } from '@rimuru/app-runtime';
import { isBuiltinAgentType, type AgentType } from '@rimuru/core';
import type { TuiRuntime } from '../tui-runtime.js';

export interface AgentSummary {
  type: AgentType;
  label: string;
  /** Where it comes from: built in, a plugin, or only the store (no adapter here, e.g. pushed by a teammate). */
  origin: 'builtin' | 'plugin' | 'store';
  detected: boolean;
  /** The data folders found. */
  roots: string[];
  /** Every folder the adapter looked for, found or not (what a first run shows). */
  lookedIn: string[];
  sessionCount: number;
  lastActivityAt: Date | null;
}

/** Each adapter (built-in and plugin): detected here?, its data roots, and what the store holds of it; then types only the store knows. */
export async function loadAgents(rt: Pick<TuiRuntime, 'store' | 'ctx' | 'adapters'>): Promise<AgentSummary[]> {
  const stored = await rt.store.agents.list();
  const summary = (type: AgentType) => {
    const mine = stored.filter((a) => a.type === type);
    const last = mine
      .map((a) => a.lastActivityAt)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return { sessionCount: mine.reduce((n, a) => n + a.sessionCount, 0), lastActivityAt: last ?? null };
  };
  const out: AgentSummary[] = [];
  // Where each adapter looked, found or not (adapter-kit notes every folder it checks).
  const lookups = await lookupAgents(rt.adapters, rt.ctx);
  for (const [i, adapter] of rt.adapters.entries()) {
    const { roots, lookedIn, error } = lookups[i]!;
    let detected = false;
    if (error === null) {
      try {
        detected = await adapter.detect(rt.ctx);
      } catch {
        // A misconfigured root is reported by sync; here the agent is just not detected.
      }
    }
    out.push({
      type: adapter.id,
      label: adapter.label,
      origin: isBuiltinAgentType(adapter.id) ? 'builtin' : 'plugin',
      detected,
      roots,
      lookedIn,
      ...summary(adapter.id),
    });
  }
  const known = new Set(out.map((a) => a.type));
  for (const type of [...new Set(stored.map((a) => a.type))].sort()) {
    if (!known.has(type))
      out.push({ type, label: type, origin: 'store', detected: false, roots: [], lookedIn: [], ...summary(type) });
  }
  return out;
}
