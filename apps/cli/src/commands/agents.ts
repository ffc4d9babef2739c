import { agentIcon, formatLocalDateTime } from '@rimuru/core';
import { builtinAdapters } from '../adapters.js';
import { ReadCommand } from '../read-command.js';
import { renderTable } from '../render/table.js';

interface AgentJson {
  type: string;
  label: string;
  detected: boolean;
  roots: string[];
  agents: { id: string; name: string; host: string; sessionCount: number; lastActivityAt: string | null }[];
}

export default class Agents extends ReadCommand<typeof Agents> {
  static override summary = 'Agents Rimuru reads: where their data lives and how many sessions each has';

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const stored = await runtime.store.listAgents();
    const result: AgentJson[] = [];
    for (const adapter of builtinAdapters()) {
      let roots: string[] = [];
      let detected = false;
      try {
        roots = await adapter.roots(runtime.ctx);
        detected = await adapter.detect(runtime.ctx);
      } catch {
        // A misconfigured root is reported by sync; here the agent is just not detected.
      }
      result.push({
        type: adapter.id,
        label: adapter.label,
        detected,
        roots,
        agents: stored
          .filter((a) => a.type === adapter.id)
          .map((a) => ({
            id: a.id,
            name: a.name,
            host: a.host,
            sessionCount: a.sessionCount,
            lastActivityAt: a.lastActivityAt?.toISOString() ?? null,
          })),
      });
    }
    if (settings.json) {
      this.printJson(result);
      return;
    }
    const rows = result.map((r) => {
      const sessions = r.agents.reduce((n, a) => n + a.sessionCount, 0);
      const last = r.agents
        .map((a) => a.lastActivityAt)
        .filter((x): x is string => x !== null)
        .sort()
        .pop();
      return [
        `${agentIcon(r.type)} ${r.type}`,
        r.detected ? 'yes' : 'no',
        String(sessions),
        last ? formatLocalDateTime(new Date(last), settings.zone) : '—',
        r.roots.join(', ') || '—',
      ];
    });
    this.log(renderTable(['Agent', 'Detected', 'Sessions', 'Last activity', 'Data roots'], rows, { color: this.useColor }));
  }
}
