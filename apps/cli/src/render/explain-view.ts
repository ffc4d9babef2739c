import { formatLocalDateTimeLong, formatTokensExact, nanosToUsd, totalTokens, type TokenCounts } from '@rimuru/core';
import { DROP_RULE_TEXT, type SessionExplanation } from '@rimuru/sync/explain';

const tokensJson = (t: TokenCounts) => ({ ...t, total: totalTokens(t) });
const usd = (n: bigint | null) => (n === null ? null : nanosToUsd(n));

/** The explanation as one JSON document (money as 6-decimal dollars, instants ISO UTC). */
export function explanationJson(e: SessionExplanation) {
  const s = e.session;
  return {
    session: {
      id: s.id,
      externalId: s.externalId,
      agentType: s.agentType,
      tokens: s.tokens === null ? null : tokensJson(s.tokens),
      requestCount: s.requestCount,
      calculatedCostUsd: usd(s.calculatedCostNanos),
      recordedCostUsd: usd(s.recordedCostNanos),
      autoCostUsd: usd(s.autoCostNanos),
    },
    timezone: e.zone,
    accountsForTotals: e.accountsForTotals,
    countedTotals: {
      tokens: tokensJson(e.countedTotals.tokens),
      requestCount: e.countedTotals.requestCount,
      calculatedCostUsd: usd(e.countedTotals.calculatedCostNanos),
      recordedCostUsd: usd(e.countedTotals.recordedCostNanos),
      autoCostUsd: usd(e.countedTotals.autoCostNanos),
    },
    sources: e.sources,
    counted: e.counted.map(({ record: r, reread }) => ({
      dedupeKey: r.dedupeKey,
      occurredAt: r.occurredAt.toISOString(),
      model: r.model,
      tokens: tokensJson(r.tokens),
      sourcePath: r.sourcePath,
      sourceLine: r.sourceLine,
      reread,
      priced: r.priced,
      calculatedCostUsd: usd(r.calculatedCostNanos),
      recordedCostUsd: usd(r.recordedCostNanos),
    })),
    dropped: e.dropped.map((d) => ({ ...d, tokens: tokensJson(d.tokens), ruleText: DROP_RULE_TEXT[d.rule] })),
    prices: e.prices.map((p) => ({
      model: p.model,
      requestCount: p.requestCount,
      tokens: tokensJson(p.tokens),
      priceKey: p.priceKey,
      validFrom: p.validFrom?.toISOString() ?? null,
      source: p.source,
      unpricedReason: p.unpricedReason,
      storedCostUsd: usd(p.storedCostNanos),
      recomputedCostUsd: usd(p.recomputedCostNanos),
    })),
  };
}

/** A plain-text account a user can check by hand, line by line. */
export function renderExplanation(e: SessionExplanation, options: { zone: string }): string {
  const out: string[] = [];
  const s = e.session;
  const t = (n: number) => formatTokensExact(n);
  out.push(`Session ${s.id} (${s.agentType} ${s.externalId})`);
  out.push(
    `Times shown in ${e.zone}. Totals: ${s.tokens === null ? 'unknown' : t(totalTokens(s.tokens))} tokens in ${s.requestCount} requests.`,
  );
  out.push('', `Sources re-read (${e.sources.length}):`);
  for (const src of e.sources) {
    const lines =
      src.linesRead === null ? `${src.bytesRead} bytes` : `lines 1–${src.linesRead} (${src.bytesRead} bytes)`;
    const activity =
      src.activity.count === 0
        ? 'no activity'
        : `activity ${src.activity.firstAt} … ${src.activity.lastAt} (activity records carry no line numbers)`;
    out.push(`  ${src.path}`);
    out.push(
      src.onDisk
        ? `    read ${lines}; ${activity}; ${src.diagnostics} malformed`
        : '    no longer on disk: its counted records are kept in the store',
    );
  }
  out.push('', `Counted requests (${e.counted.length}):`);
  for (const { record: r, reread } of e.counted) {
    const where = r.sourcePath === null ? 'unknown source' : `${r.sourcePath}:${r.sourceLine ?? '?'}`;
    out.push(
      `  ${formatLocalDateTimeLong(r.occurredAt, options.zone)}  ${r.model ?? '(no model)'}  in ${t(r.tokens.input)} out ${t(r.tokens.output)} cache r ${t(r.tokens.cacheRead)} w ${t(r.tokens.cacheWrite5m + r.tokens.cacheWrite1h)} = ${t(totalTokens(r.tokens))}  ${where}${reread === 'found' ? '' : ` [${reread}]`}`,
    );
  }
  out.push('', `Dropped copies (${e.dropped.length}):`);
  for (const d of e.dropped) {
    const kept =
      d.keptInstead === null
        ? ''
        : ` → counted: ${d.keptInstead.sessionExternalId === s.externalId ? '' : `session ${d.keptInstead.sessionExternalId} `}${d.keptInstead.sourcePath ?? '?'}:${d.keptInstead.sourceLine ?? '?'}`;
    out.push(
      `  ${d.path}:${d.line ?? '?'}  ${t(totalTokens(d.tokens))} tokens  [${d.rule}] ${DROP_RULE_TEXT[d.rule]}${kept}`,
    );
  }
  out.push('', 'Prices applied:');
  for (const p of e.prices) {
    if (p.priceKey === null) {
      out.push(
        `  ${p.model}: UNPRICED (${p.unpricedReason}) — ${p.requestCount} requests, ${t(totalTokens(p.tokens))} tokens counted at $0`,
      );
      continue;
    }
    out.push(
      `  ${p.model} → ${p.priceKey} (${p.source}, valid from ${p.validFrom?.toISOString().slice(0, 10) ?? '—'}): ${p.requestCount} requests, $${nanosToUsd(p.storedCostNanos).toFixed(6)}`,
    );
  }
  const c = e.countedTotals;
  out.push(
    '',
    `Σ counted: ${t(totalTokens(c.tokens))} tokens (input ${t(c.tokens.input)}, output ${t(c.tokens.output)}, cache read ${t(c.tokens.cacheRead)}, cache write ${t(c.tokens.cacheWrite5m + c.tokens.cacheWrite1h)}), ${c.requestCount} requests, calculated $${nanosToUsd(c.calculatedCostNanos).toFixed(6)}`,
  );
  out.push(
    e.accountsForTotals
      ? 'Every token of the session totals is accounted for.'
      : 'MISMATCH: counted records do not sum to the stored session totals (run `rimuru sync`).',
  );
  return out.join('\n');
}
