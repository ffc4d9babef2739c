-- Rimuru schema 6 (SQLite): requests vs aggregates. A usage record says how many API requests
-- its tokens sum: 1 for one request (every record so far, hence the default), n for a sum of
-- n, NULL for a sum of an unknown number. Per-request price rules (the 200k tier) apply only
-- to one request.
ALTER TABLE "usage_records" ADD COLUMN "request_count" INTEGER DEFAULT 1;
-- Records older versions wrote from totals: Copilot CLI runs (session.shutdown, every key but
-- the trace store's otel: ones), Droid's cumulative counters, Hermes' session counters, Goose's
-- session counters, Grok's turns and Cline's deleted/subagent sums. Their counts were not kept.
UPDATE "usage_records" SET "request_count" = NULL
WHERE ("agent_type" = 'copilot' AND "dedupe_key" NOT LIKE 'otel:%')
   OR "agent_type" IN ('droid', 'grok')
   OR ("agent_type" = 'hermes' AND "dedupe_key" LIKE 'state:%')
   OR ("agent_type" = 'goose' AND "dedupe_key" LIKE '%:session')
   OR ("agent_type" IN ('cline', 'roo-code', 'kilo-code')
       AND ("dedupe_key" LIKE '%:deleted!_api!_reqs:%' ESCAPE '!' OR "dedupe_key" LIKE '%:subagent!_usage:%' ESCAPE '!'));
-- The next run reprices them (sync's price loader reads this mark, reprices every record that
-- is not one request, then marks it done); the roll-ups of their sessions follow.
INSERT INTO "meta" ("key", "value") VALUES ('reprice.aggregates', 'pending') ON CONFLICT ("key") DO NOTHING;
-- Where each price came from and since when: the bundled snapshot's date, or when a sync wrote
-- the row (`models list|show` say "bundled 2026-07-24", "LiteLLM sync 2026-11-30"). Every
-- Rimuru before schema 6 shipped the snapshot of 2026-07-24, so that is where its bundled rows
-- came from; a synced row dates from its last write.
ALTER TABLE "model_prices" ADD COLUMN "source_date" DATETIME;
UPDATE "model_prices" SET "source_date" = '2026-07-24T00:00:00.000+00:00' WHERE "source" = 'bundled';
UPDATE "model_prices" SET "source_date" = "created_at" WHERE "source" <> 'bundled';
-- Units of a plan a record carried (GitHub Copilot): premium requests in millionths (its model
-- multipliers make them fractional; integers keep their sums exact) and AI credits in nano-AIU.
-- NULL where the agent wrote none, which is every record so far.
ALTER TABLE "usage_records" ADD COLUMN "premium_request_micros" BIGINT;
ALTER TABLE "usage_records" ADD COLUMN "nano_aiu" BIGINT;
