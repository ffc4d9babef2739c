-- Rimuru schema 7 (PostgreSQL): a team server at scale (measured by `pnpm bench:team`,
-- bench/README.md). The embedded store keeps its own schema (sqlite/0007 is empty).
--
-- A push drops stored replay copies whose original arrives (pg-replay-drop.ts): only copies are
-- looked up, so they get an index of their own instead of probing every record of every key.
CREATE INDEX "usage_records_replay_copies_idx" ON "usage_records"("agent_type", "replay_key") WHERE "is_replay_copy";
-- One machine's newest sessions (`sessions --host`): a walk of its own index entries.
CREATE INDEX "sessions_host_started_at_idx" ON "sessions"("host", "started_at" DESC);
-- Session counts and durations over a range or all history (`sessions stats`): an index-only
-- scan of what they read, instead of every session row.
CREATE INDEX "sessions_counts_idx" ON "sessions"("ended_at", "started_at") INCLUDE ("ended_by_hook", "host", "agent_type");
-- `sessions show <id or prefix>`: id and external id, whole or as a prefix (LIKE 'a1b2%').
CREATE INDEX "sessions_id_text_idx" ON "sessions"((CAST("id" AS TEXT)) text_pattern_ops);
CREATE INDEX "sessions_external_id_idx" ON "sessions"("external_id" text_pattern_ops);

-- Usage summed per UTC hour and per UTC day × agent (so host and agent type) × model × priced,
-- and per UTC quarter-hour × session × model × priced: totals and cost breakdowns over a range
-- read the days and hours that lie wholly inside it, leaving only its partial hours to usage
-- records (usage-summary.ts); reports sum and count sessions per local period over quarter-
-- hours, whose bounds core computes (usage-report-cells.ts). Derived data, kept exact by the
-- triggers below on every write to usage_records (a push, a sync into this server, a reprice,
-- a delete, an import), never exported. Each sum mirrors one of USAGE_SUMS and PLAN_UNIT_SUMS
-- (usage-queries.ts); a nullable sum keeps how many records carried a value.
CREATE TABLE "usage_hourly" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "agent_id" UUID NOT NULL,
    "model" TEXT,
    "priced" BOOLEAN NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_read_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_5m_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_1h_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "calculated_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "recorded_n" BIGINT NOT NULL DEFAULT 0,
    "recorded_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "auto_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "premium_n" BIGINT NOT NULL DEFAULT 0,
    "premium_request_micros" BIGINT NOT NULL DEFAULT 0,
    "aiu_n" BIGINT NOT NULL DEFAULT 0,
    "nano_aiu" BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE "usage_daily" (LIKE "usage_hourly" INCLUDING DEFAULTS);
-- Keyed by session; its agent beside it, so a report filters by host and groups by agent type without a join.
CREATE TABLE "usage_quarters" ("session_id" UUID NOT NULL, LIKE "usage_hourly" INCLUDING DEFAULTS);
CREATE UNIQUE INDEX "usage_hourly_key" ON "usage_hourly"("bucket", "agent_id", "priced", ("model" IS NULL), (COALESCE("model", '')));
CREATE UNIQUE INDEX "usage_daily_key" ON "usage_daily"("bucket", "agent_id", "priced", ("model" IS NULL), (COALESCE("model", '')));
CREATE UNIQUE INDEX "usage_quarters_key" ON "usage_quarters"("bucket", "session_id", "priced", ("model" IS NULL), (COALESCE("model", '')));
-- Rows whose records all went (deleted, moved, replaced): found without a scan, then removed.
CREATE INDEX "usage_hourly_empty_idx" ON "usage_hourly"("bucket") WHERE "n" = 0;
CREATE INDEX "usage_daily_empty_idx" ON "usage_daily"("bucket") WHERE "n" = 0;
CREATE INDEX "usage_quarters_empty_idx" ON "usage_quarters"("bucket") WHERE "n" = 0;

INSERT INTO "usage_quarters" ("bucket", "session_id", "agent_id", "model", "priced", "n", "input_tokens", "output_tokens",
    "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens", "calculated_cost_nanos", "recorded_n",
    "recorded_cost_nanos", "auto_cost_nanos", "premium_n", "premium_request_micros", "aiu_n", "nano_aiu")
  SELECT (date_trunc('hour', u."occurred_at" AT TIME ZONE 'UTC')
      + INTERVAL '15 minutes' * FLOOR(EXTRACT(MINUTE FROM u."occurred_at" AT TIME ZONE 'UTC') / 15)::INTEGER) AT TIME ZONE 'UTC',
    u."session_id", s."agent_id", u."model", u."priced", COUNT(*), SUM(u."input_tokens"), SUM(u."output_tokens"), SUM(u."cache_read_tokens"),
    SUM(u."cache_write_5m_tokens"), SUM(u."cache_write_1h_tokens"), SUM(u."reasoning_tokens"), SUM(u."calculated_cost_nanos"),
    COUNT(u."recorded_cost_nanos"), COALESCE(SUM(u."recorded_cost_nanos"), 0), SUM(u."auto_cost_nanos"), COUNT(u."premium_request_micros"),
    COALESCE(SUM(u."premium_request_micros"), 0), COUNT(u."nano_aiu"), COALESCE(SUM(u."nano_aiu"), 0)
  FROM "usage_records" u JOIN "sessions" s ON s."id" = u."session_id" GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "usage_hourly" SELECT date_trunc('hour', q."bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', q."agent_id", q."model", q."priced",
    SUM(q."n"), SUM(q."input_tokens"), SUM(q."output_tokens"), SUM(q."cache_read_tokens"), SUM(q."cache_write_5m_tokens"),
    SUM(q."cache_write_1h_tokens"), SUM(q."reasoning_tokens"), SUM(q."calculated_cost_nanos"), SUM(q."recorded_n"),
    SUM(q."recorded_cost_nanos"), SUM(q."auto_cost_nanos"), SUM(q."premium_n"), SUM(q."premium_request_micros"), SUM(q."aiu_n"), SUM(q."nano_aiu")
  FROM "usage_quarters" q GROUP BY 1, 2, 3, 4;
INSERT INTO "usage_daily" SELECT date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "agent_id", "model", "priced",
    SUM("n"), SUM("input_tokens"), SUM("output_tokens"), SUM("cache_read_tokens"), SUM("cache_write_5m_tokens"),
    SUM("cache_write_1h_tokens"), SUM("reasoning_tokens"), SUM("calculated_cost_nanos"), SUM("recorded_n"),
    SUM("recorded_cost_nanos"), SUM("auto_cost_nanos"), SUM("premium_n"), SUM("premium_request_micros"), SUM("aiu_n"), SUM("nano_aiu")
  FROM "usage_hourly" GROUP BY 1, 2, 3, 4;

-- One statement's change to usage_records, summed per bucket and added to the three tables
-- (rows that left are subtracted), in key order so concurrent writers lock summary rows in one
-- order. SECURITY DEFINER: a role that may write usage_records (the pushing role) needs no
-- privilege on the summaries, which it can then not falsify.
CREATE FUNCTION "rimuru_usage_summary_apply"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  source TEXT;
  target RECORD;
BEGIN
  source := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, r.* FROM new_rows r'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, r.* FROM old_rows r'
    ELSE 'SELECT 1 AS sign, r.* FROM new_rows r UNION ALL SELECT -1 AS sign, r.* FROM old_rows r'
  END;
  FOR target IN SELECT * FROM (VALUES
      ('usage_quarters', 'session_id', 'session_id, agent_id', 'd.session_id, s.agent_id', '1, 2, 3, 4, 5',
        '(date_trunc(''hour'', d.occurred_at AT TIME ZONE ''UTC'')'
        || ' + INTERVAL ''15 minutes'' * FLOOR(EXTRACT(MINUTE FROM d.occurred_at AT TIME ZONE ''UTC'') / 15)::INTEGER) AT TIME ZONE ''UTC'''),
      ('usage_hourly', 'agent_id', 'agent_id', 's.agent_id', '1, 2, 3, 4', 'date_trunc(''hour'', d.occurred_at AT TIME ZONE ''UTC'') AT TIME ZONE ''UTC'''),
      ('usage_daily', 'agent_id', 'agent_id', 's.agent_id', '1, 2, 3, 4', 'date_trunc(''day'', d.occurred_at AT TIME ZONE ''UTC'') AT TIME ZONE ''UTC''')
    ) AS t(tbl, key_column, columns, key_values, keys, bucket) LOOP
    EXECUTE format($q$
      INSERT INTO %1$I AS t (bucket, %3$s, model, priced, n, input_tokens, output_tokens, cache_read_tokens,
        cache_write_5m_tokens, cache_write_1h_tokens, reasoning_tokens, calculated_cost_nanos, recorded_n,
        recorded_cost_nanos, auto_cost_nanos, premium_n, premium_request_micros, aiu_n, nano_aiu)
      SELECT %6$s, %4$s, d.model, d.priced,
        SUM(d.sign), SUM(d.sign * d.input_tokens), SUM(d.sign * d.output_tokens), SUM(d.sign * d.cache_read_tokens),
        SUM(d.sign * d.cache_write_5m_tokens), SUM(d.sign * d.cache_write_1h_tokens), SUM(d.sign * d.reasoning_tokens),
        SUM(d.sign * d.calculated_cost_nanos), SUM(CASE WHEN d.recorded_cost_nanos IS NULL THEN 0 ELSE d.sign END),
        COALESCE(SUM(d.sign * d.recorded_cost_nanos), 0), SUM(d.sign * d.auto_cost_nanos),
        SUM(CASE WHEN d.premium_request_micros IS NULL THEN 0 ELSE d.sign END), COALESCE(SUM(d.sign * d.premium_request_micros), 0),
        SUM(CASE WHEN d.nano_aiu IS NULL THEN 0 ELSE d.sign END), COALESCE(SUM(d.sign * d.nano_aiu), 0)
      FROM (%7$s) d JOIN sessions s ON s.id = d.session_id
      GROUP BY %5$s ORDER BY %5$s
      ON CONFLICT (bucket, %2$I, priced, (model IS NULL), (COALESCE(model, ''))) DO UPDATE SET
        n = t.n + excluded.n, input_tokens = t.input_tokens + excluded.input_tokens,
        output_tokens = t.output_tokens + excluded.output_tokens, cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
        cache_write_5m_tokens = t.cache_write_5m_tokens + excluded.cache_write_5m_tokens,
        cache_write_1h_tokens = t.cache_write_1h_tokens + excluded.cache_write_1h_tokens,
        reasoning_tokens = t.reasoning_tokens + excluded.reasoning_tokens,
        calculated_cost_nanos = t.calculated_cost_nanos + excluded.calculated_cost_nanos, recorded_n = t.recorded_n + excluded.recorded_n,
        recorded_cost_nanos = t.recorded_cost_nanos + excluded.recorded_cost_nanos, auto_cost_nanos = t.auto_cost_nanos + excluded.auto_cost_nanos,
        premium_n = t.premium_n + excluded.premium_n, premium_request_micros = t.premium_request_micros + excluded.premium_request_micros,
        aiu_n = t.aiu_n + excluded.aiu_n, nano_aiu = t.nano_aiu + excluded.nano_aiu
    $q$, target.tbl, target.key_column, target.columns, target.key_values, target.keys, target.bucket, source);
    IF TG_OP <> 'INSERT' THEN
      EXECUTE format('DELETE FROM %I WHERE n = 0', target.tbl);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER "usage_records_summary_insert" AFTER INSERT ON "usage_records" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rimuru_usage_summary_apply"();
CREATE TRIGGER "usage_records_summary_update" AFTER UPDATE ON "usage_records" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rimuru_usage_summary_apply"();
CREATE TRIGGER "usage_records_summary_delete" AFTER DELETE ON "usage_records" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "rimuru_usage_summary_apply"();
