import { FORMAT_DRIFT_META_KEY, parseRecordedFormatDrift } from '@rimuru/core';
import { knownAdapters } from '../adapters.js';
import { ReadCommand } from '../read-command.js';
import { renderAgentsTable, type AgentJson } from '../render/agents-table.js';
import { wrapText } from '../render/shorten.js';

export default class Agents extends ReadCommand<typeof Agents> {
  static override summary =
    'Agents Rimuru reads (built-in and plugins): data roots, sessions, last activity, diagnostics';
  static override examples = ['<%= config.bin %> agents', '<%= config.bin %> agents --format json'];

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const stored = await runtime.store.agents.list();
    const diagnostics = new Map((await runtime.store.sources.diagnosticCounts()).map((d) => [d.agentType, d]));
    const drift = new Map(
      parseRecordedFormatDrift(await runtime.store.meta.get(FORMAT_DRIFT_META_KEY)).map((d) => [
        d.agentType,
        d.message,
      ]),
    );
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
      const last =
        agents
          .map((a) => a.lastActivityAt)
          .filter((x): x is string => x !== null)
          .sort()
          .pop() ?? null;
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
    this.log(renderAgentsTable(result, { zone: settings.zone, color: this.useColor, width: this.tableWidth }));
    for (const r of result)
      if (r.formatDrift !== null) this.log(wrapText(`warning: ${r.formatDrift}`, this.tableWidth));
  }
}
