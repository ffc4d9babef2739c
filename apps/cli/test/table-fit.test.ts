import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { BillingBlockJson, SessionJson, UsageFiguresJson, UsageReportJson } from '@rimuru/core';
import { renderAgentsTable, type AgentJson } from '../src/render/agents-table.js';
import { renderBlocks } from '../src/render/blocks-table.js';
import type { CostReportJson } from '../src/render/cost-report.js';
import { renderCostReport } from '../src/render/cost-report.js';
import { renderModelPrices, type ModelPriceJson } from '../src/render/model-prices.js';
import { renderUsageReport } from '../src/render/report-table.js';
import { renderSessionDetail, type SessionDetailJson } from '../src/render/session-detail.js';
import { renderSessionsTable } from '../src/render/session-rows.js';
import { shortenEnd, shortenMiddle, wrapText } from '../src/render/shorten.js';
import { layoutColumns, renderTable } from '../src/render/table.js';
import { tableWidth } from '../src/render/terminal-width.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const LONG_PROJECT = '/home/someone/work/clients/very-long-client-name/services/payments-reconciliation-service';
const LONG_MODEL = 'claude-sonnet-4-5-20250929-with-a-suffix';

function session(i: number, over: Partial<SessionJson> = {}): SessionJson {
  return {
    id: `${i}0000000-1111-4222-8333-444444444444`.slice(0, 36),
    externalId: `external-${i}`,
    agentType: i % 2 === 0 ? 'claude-code' : 'gemini-cli',
    agentName: 'claude-code-default',
    status: i === 0 ? 'active' : 'completed',
    startedAt: '2026-05-01T10:00:00.000Z',
    endedAt: '2026-05-01T12:34:56.000Z',
    durationMs: 9_296_000,
    inputTokens: 1000,
    outputTokens: 2000,
    cacheReadTokens: 123_456_789,
    cacheWriteTokens: 3_000_000,
    reasoningTokens: 0,
    totalTokens: 126_459_789,
    model: LONG_MODEL,
    models: [LONG_MODEL, 'claude-opus-4-6', 'claude-haiku-4-5-20251001'],
    projectPath: LONG_PROJECT,
    costUsd: 12_345.67,
    costSource: 'calculated',
    requestCount: 1234,
    ...over,
  };
}

const figures = (n: number): UsageFiguresJson => ({
  inputTokens: n,
  outputTokens: n * 2,
  cacheReadTokens: n * 300,
  cacheWriteTokens: n * 20,
  cacheWrite5mTokens: n * 10,
  cacheWrite1hTokens: n * 10,
  reasoningTokens: 0,
  totalTokens: n * 323,
  costUsd: n / 7,
  requestCount: n,
  unpricedRequestCount: 3,
});

const costRow = (n: number) => ({ ...figures(n), costSource: 'calculated' as const });

describe('shortening', () => {
  it('keeps both ends of a path, the start of a name, and the width', () => {
    const short = shortenMiddle(LONG_PROJECT, 30);
    expect(stringWidth(short)).toBe(30);
    expect(short.startsWith('/home/someone')).toBe(true);
    expect(short.endsWith('-service')).toBe(true);
    expect(short).toContain('…');
    expect(shortenEnd('claude-code', 8)).toBe('claude-…');
    expect(shortenEnd('short', 8)).toBe('short');
  });

  it('wraps prose at spaces within the width', () => {
    const text =
      'These tokens are counted but cost 0. Add a price under "prices" in the config file (USD per million tokens).';
    const wrapped = wrapText(text, 40);
    expect(widest(wrapped)).toBeLessThanOrEqual(40);
    expect(wrapped.replaceAll('\n', ' ')).toBe(text);
  });
});

describe('column layout', () => {
  it('shortens before dropping when the cut comes first, and gives room back', () => {
    // 30 + 10 + 20 + 2 gaps = 64 at full width.
    expect(layoutColumns([30, 10, 20], [{ shorten: 'middle', min: 10 }, { drop: 1 }, {}], 64)).toEqual([30, 10, 20]);
    expect(layoutColumns([30, 10, 20], [{ shorten: 'middle', min: 10 }, { drop: 1 }, {}], 50)).toEqual([16, 10, 20]);
    // Not enough even shortened: the droppable column goes and the path grows back.
    expect(layoutColumns([30, 10, 20], [{ shorten: 'middle', min: 10 }, { drop: 1 }, {}], 40)).toEqual([18, null, 20]);
  });

  it('drops the highest priority first', () => {
    expect(layoutColumns([10, 10, 10, 10], [{}, { drop: 1 }, { drop: 2 }, {}], 34)).toEqual([10, 10, null, 10]);
  });

  it('never wraps a table that declares nothing: the widest column is cut', () => {
    const text = renderTable(['A', 'B'], [['x'.repeat(70), 'y'.repeat(40)]], { color: false, width: 80 });
    expect(text.split('\n')).toHaveLength(2);
    expect(widest(text)).toBeLessThanOrEqual(80);
  });
});

describe('terminal width', () => {
  it('is unlimited when piped or --wide, the terminal width (min 80) otherwise', () => {
    expect(tableWidth({ stream: { isTTY: false, columns: 50 }, env: {} })).toBe(Number.POSITIVE_INFINITY);
    expect(tableWidth({ stream: { isTTY: true, columns: 120 }, env: {} })).toBe(120);
    expect(tableWidth({ stream: { isTTY: true, columns: 50 }, env: {} })).toBe(80);
    expect(tableWidth({ stream: { isTTY: true, columns: 200 }, env: { COLUMNS: '90' } })).toBe(90);
    expect(tableWidth({ wide: true, stream: { isTTY: true, columns: 100 }, env: {} })).toBe(Number.POSITIVE_INFINITY);
    expect(tableWidth({ stream: { isTTY: false }, env: { RIMURU_FORCE_TTY: '1', COLUMNS: '80' } })).toBe(80);
  });
});

describe('every table fits 80 columns and keeps everything when wide', () => {
  const zone = 'America/Argentina/Buenos_Aires';

  it('sessions', () => {
    const list = [0, 1, 2].map((i) => session(i));
    const narrow = renderSessionsTable(list, { zone, color: false, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow.split('\n')).toHaveLength(4);
    expect(narrow).toContain('Started');
    expect(narrow).toContain('$12,345.67');
    expect(narrow).toContain('● active');
    expect(narrow).not.toContain('Duration');
    const wide = renderSessionsTable(list, { zone, color: false });
    expect(wide).toContain('Duration');
    expect(wide).toContain('payments-reconciliation-service');
    expect(wide).toContain('completed');
    expect(widest(wide)).toBeGreaterThan(80);
  });

  it('sessions show', () => {
    const base = session(1);
    const detail: SessionDetailJson = {
      ...base,
      externalId: `/very/long/agent/store/path/${'x'.repeat(80)}.json`,
      host: 'a-very-long-hostname.example.internal.corp',
      parentExternalId: null,
      cacheWrite5mTokens: 1_500_000,
      cacheWrite1hTokens: 1_500_000,
      calculatedCostUsd: 12_345.67,
      recordedCostUsd: null,
      unpricedRequestCount: 2,
      byModel: [LONG_MODEL, 'claude-opus-4-6'].map((model) => ({
        model,
        requestCount: 1234,
        priced: true,
        inputTokens: 123_456,
        outputTokens: 234_567,
        cacheReadTokens: 123_456_789,
        cacheWrite5mTokens: 1_000_000,
        cacheWrite1hTokens: 2_000_000,
        reasoningTokens: 0,
        totalTokens: 126_814_812,
        calculatedCostUsd: 1234.56,
        recordedCostUsd: null,
        costUsd: 1234.56,
      })),
      costBreakdown: [
        {
          model: LONG_MODEL,
          priced: true,
          unpricedReason: null,
          candidates: [],
          priceKey: LONG_MODEL,
          priceSource: 'litellm',
          priceValidFrom: '2025-09-29T00:00:00.000Z',
          requestCount: 1234,
          longContextRequests: 12,
          fastRequests: 3,
          classes: [{ tokenClass: 'cacheWrite1h', tokens: 2_000_000, usdPerMTok: 6.25, costUsd: 12.5 }],
          costUsd: 1234.56,
        },
        {
          model: 'mystery-model',
          priced: false,
          unpricedReason: 'ambiguous',
          candidates: ['a-model-one', 'a-model-two'],
          priceKey: null,
          priceSource: null,
          priceValidFrom: null,
          requestCount: 1,
          longContextRequests: 0,
          fastRequests: 0,
          classes: [],
          costUsd: 0,
        },
      ],
    };
    const narrow = renderSessionDetail(detail, { zone, color: false, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow).toMatch(/^Project {5}\/home\/someone.*….*reconciliation-service$/m);
    expect(narrow).toContain('Total');
    const wide = renderSessionDetail(detail, { zone, color: false });
    expect(wide).toContain(LONG_PROJECT);
    expect(wide).toContain('Cache write');
  });

  it('agents', () => {
    const agents: AgentJson[] = ['claude-code', 'a-plugin-agent-with-a-long-name'].map((type) => ({
      type,
      label: type,
      origin: type === 'claude-code' ? 'builtin' : '@someone/rimuru-plugin-long-name',
      detected: true,
      roots: [`${LONG_PROJECT}/.claude/projects`, '/another/root/of/this/agent'],
      sessionCount: 12_345,
      lastActivityAt: '2026-05-01T12:00:00.000Z',
      sources: 10,
      diagnostics: 3,
      formatDrift: null,
      agents: [],
    }));
    const narrow = renderAgentsTable(agents, { zone, color: false, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow).toContain('Detected');
    expect(narrow).toContain('(+1 more)');
    const wide = renderAgentsTable(agents, { zone, color: false });
    expect(wide).toContain('/another/root/of/this/agent');
    expect(wide).toContain('@someone/rimuru-plugin-long-name');
  });

  it('report blocks', () => {
    const block = (i: number, active: boolean): BillingBlockJson => ({
      start: `2026-05-0${i}T00:00:00.000Z`,
      end: `2026-05-0${i}T05:00:00.000Z`,
      firstAt: null,
      lastAt: null,
      isGap: false,
      isActive: active,
      ...figures(12_345_678),
      models: [LONG_MODEL, 'claude-opus-4-6'],
      burnRate: { tokensPerMinute: 123_456, nonCacheTokensPerMinute: 1234, costUsdPerHour: 123.45 },
      projection: active ? { totalTokens: 987_654_321, costUsd: 4321.5, remainingMinutes: 123 } : null,
    });
    const blocks = [block(1, false), block(2, true)];
    for (const width of [80, 100, 130]) {
      expect(widest(renderBlocks(blocks, { zone, color: false, width, costMode: 'calculate' }))).toBeLessThanOrEqual(
        width,
      );
    }
    expect(renderBlocks(blocks, { zone, color: false, width: Number.POSITIVE_INFINITY, costMode: 'auto' })).toContain(
      LONG_MODEL,
    );
  });

  it('report daily / weekly / monthly, grouped and broken down', () => {
    for (const period of ['daily', 'weekly', 'monthly'] as const) {
      for (const groupBy of [null, 'project', 'model']) {
        const report: UsageReportJson = {
          period,
          timezone: zone,
          startOfWeek: null,
          groupBy,
          costMode: 'auto',
          rows: [1, 2].map((i) => ({
            period: `2026-05-0${i}`,
            start: '',
            end: '',
            group: groupBy === null ? null : groupBy === 'project' ? LONG_PROJECT : LONG_MODEL,
            sessions: 123,
            activeDays: 7,
            models: [LONG_MODEL],
            ...figures(123_456_789),
            breakdown: [{ model: LONG_MODEL, ...figures(123_456_789) }],
          })),
          totals: { ...figures(987_654_321), sessions: 246, activeDays: 14 },
        };
        for (const width of [80, 100, 140]) {
          expect(
            widest(renderUsageReport(report, { color: false, width })),
            `${period} ${groupBy} ${width}`,
          ).toBeLessThanOrEqual(width);
        }
        const wide = renderUsageReport(report, { color: false, width: Number.POSITIVE_INFINITY });
        expect(wide).toContain('Cache read');
        if (groupBy === 'project') expect(wide).toContain(LONG_PROJECT);
      }
    }
  });

  it('costs, costs summary, costs by-model, costs agent', () => {
    const report: CostReportJson = {
      range: 'all',
      from: null,
      to: null,
      costMode: 'auto',
      groupBy: 'model',
      rows: [
        { name: LONG_MODEL, ...costRow(123_456_789) },
        { name: 'claude-opus-4-6', ...costRow(1_234_567) },
      ],
      totals: costRow(124_691_356),
    };
    const narrow = renderCostReport(report, { title: 'Costs by model — all', label: 'Model', color: false, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow).toContain('Cost');
    expect(renderCostReport(report, { title: 't', label: 'Model', color: false })).toContain(LONG_MODEL);
  });

  it('models list', () => {
    const rows: ModelPriceJson[] = [`bedrock/us.anthropic.${LONG_MODEL}-v2:0`, 'gpt-5'].map((model) => ({
      model,
      source: 'litellm',
      validFrom: '2025-09-29T00:00:00.000Z',
      rows: 2,
      inputUsdPerMTok: 3.123456,
      outputUsdPerMTok: 15.123456,
      cacheReadUsdPerMTok: 0.3123456,
      cacheWriteUsdPerMTok: 3.75123456,
      cacheWrite1hUsdPerMTok: 6.123456,
    })) as ModelPriceJson[];
    const narrow = renderModelPrices(rows, false, 80);
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow).toMatch(/^bedrock\/us\.anthr.*…\S*-v2:0 /m);
    expect(renderModelPrices(rows, false)).toContain(`bedrock/us.anthropic.${LONG_MODEL}-v2:0`);
  });
});
