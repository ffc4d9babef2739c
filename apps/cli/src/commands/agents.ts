import { agentIcon, FORMAT_DRIFT_META_KEY, formatLocalDateTime, parseRecordedFormatDrift } from '@rimuru/core';
import { knownAdapters } from '../adapters.js';
import { ReadCommand } from '../read-command.js';
import { renderTable } from '../render/table.js';

interface AgentJson {
  type: string;
  label: string;
  /** `builtin`, or the npm name of the plugin that adds the agent. */
  origin: string;
  detected: boolean;
  roots: string[];
  sessionCount: number;
  lastActivityAt: string | null;
  /** Source files tracked and malformed lines or records counted in them so far. */
  sources: number;
  diagnostics: number;
  /** The last sync's warning that this agent's files may have changed format, if any. */
  formatDrift: string | null;
  agents: { id: string; name: string; host: string; sessionCount: number; lastActivityAt: string | null }[];
}

export default class Agents extends ReadCommand<typeof Agents> {
  static override summary = 'Agents Rimuru reads (built-in and plugins): data roots, sessions, last activity, diagnostics';
  static override examples = ['<%= config.bin %> agents', '<%= config.bin %> agents --format json'];

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const stored = await runtime.store.agents.list();
    const diagnostics = new Map((await runtime.store.sources.diagnosticCounts()).map((d) => [d.agentType, d]));
    const drift = new Map(parseRecordedFormatDrift(await runtime.store.meta.get(FORMAT_DRIFT_META_KEY)).map((d) => [d.agentType, d.message]));
    const result: AgentJson[] = [];
    for (const { adapter, origin } of await knownAdapters(this.config)) {
      let roots: string[] = [];
      let detected = false;
      try {
        roots = await adapter.roots(runtime.ctx);
        detected = await adapter.detect(runtime.ctx);
      } catch {
        // A misconfigured root is reported by sync; here the agent is just not detected.
      }
      const agents = stored
        .filter((a) => a.type === adapter.id)
        .map((a) => ({
          id: a.id,
          name: a.name,
          host: a.host,
          sessionCount: a.sessionCount,
          lastActivityAt: a.lastActivityAt?.toISOString() ?? null,
        }));
      const last = agents.map((a) => a.lastActivityAt).filter((x): x is string => x !== null).sort().pop() ?? null;
      result.push({
        type: adapter.id,
        label: adapter.label,
        origin,
        detected,
        roots,
        sessionCount: agents.reduce((n, a) => n + a.sessionCount, 0),
        lastActivityAt: last,
        sources: diagnostics.get(adapter.id)?.sources ?? 0,
        diagnostics: diagnostics.get(adapter.id)?.diagnostics ?? 0,
        formatDrift: drift.get(adapter.id) ?? null,
        agents,
      });
    }
    if (settings.json) {
      this.printJson(result);
      return;
    }
    const rows = result.map((r) => [
      `${agentIcon(r.type)} ${r.type}`,
      r.origin === 'builtin' ? 'built-in' : r.origin,
      r.detected ? 'yes' : 'no',
      String(r.sessionCount),
      r.lastActivityAt === null ? '—' : formatLocalDateTime(new Date(r.lastActivityAt), settings.zone),
      String(r.diagnostics),
      r.roots.join(', ') || '—',
    ]);
    this.log(
      renderTable(['Agent', 'From', 'Detected', 'Sessions', 'Last activity', 'Diagnostics', 'Data roots'], rows, {
        color: this.useColor,
        align: ['left', 'left', 'left', 'right', 'left', 'right', 'left'],
      }),
    );
    for (const r of result) if (r.formatDrift !== null) this.log(`warning: ${r.formatDrift}`);
  }
}
