-- Rimuru schema 1 (SQLite). Matches prisma/sqlite/schema.prisma; applied by @rimuru/db's migrator.

CREATE TABLE "agents" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agent_id" TEXT NOT NULL,
    "started_at" DATETIME NOT NULL,
    "ended_at" DATETIME NOT NULL,
    "total_input_tokens" BIGINT,
    "total_output_tokens" BIGINT,
    "model_name" TEXT,
    "project_path" TEXT,
    "cost_usd" DECIMAL NOT NULL DEFAULT 0,
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "external_id" TEXT NOT NULL,
    "agent_type" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "cache_read_tokens" BIGINT,
    "cache_write_5m_tokens" BIGINT,
    "cache_write_1h_tokens" BIGINT,
    "reasoning_tokens" BIGINT,
    "tokens_known" BOOLEAN NOT NULL DEFAULT false,
    "models" TEXT NOT NULL DEFAULT '[]',
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "unpriced_request_count" INTEGER NOT NULL DEFAULT 0,
    "calculated_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "recorded_cost_nanos" BIGINT,
    "auto_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "cost_source" TEXT NOT NULL DEFAULT 'unknown',
    "ended_by_hook" BOOLEAN NOT NULL DEFAULT false,
    "parent_external_id" TEXT,
    "title" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sessions_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "usage_records" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "agent_type" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "rank" REAL NOT NULL DEFAULT 0,
    "replay_key" TEXT,
    "is_replay_copy" BOOLEAN NOT NULL DEFAULT false,
    "occurred_at" DATETIME NOT NULL,
    "model" TEXT,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_read_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_5m_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_1h_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "speed" TEXT,
    "calculated_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "recorded_cost_nanos" BIGINT,
    "auto_cost_nanos" BIGINT NOT NULL DEFAULT 0,
    "priced" BOOLEAN NOT NULL DEFAULT true,
    "source_path" TEXT,
    "source_line" INTEGER,
    CONSTRAINT "usage_records_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "source_files" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "agent_type" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "device" TEXT,
    "inode" TEXT,
    "size" BIGINT NOT NULL DEFAULT 0,
    "mtime_ms" REAL NOT NULL DEFAULT 0,
    "head_hash" TEXT,
    "head_length" INTEGER NOT NULL DEFAULT 0,
    "byte_offset" BIGINT NOT NULL DEFAULT 0,
    "state" TEXT,
    "diagnostic_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "model_prices" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "model" TEXT NOT NULL,
    "valid_from" DATETIME NOT NULL,
    "valid_to" DATETIME,
    "input_pico" BIGINT,
    "output_pico" BIGINT,
    "cache_read_pico" BIGINT,
    "cache_write_5m_pico" BIGINT,
    "cache_write_1h_pico" BIGINT,
    "input_above_200k_pico" BIGINT,
    "output_above_200k_pico" BIGINT,
    "cache_read_above_200k_pico" BIGINT,
    "cache_write_5m_above_200k_pico" BIGINT,
    "cache_write_1h_above_200k_pico" BIGINT,
    "source" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "meta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

CREATE UNIQUE INDEX "agents_host_name_key" ON "agents"("host", "name");

CREATE UNIQUE INDEX "sessions_agent_type_external_id_key" ON "sessions"("agent_type", "external_id");
CREATE INDEX "sessions_ended_at_started_at_idx" ON "sessions"("ended_at" DESC, "started_at" DESC);
CREATE INDEX "sessions_started_at_idx" ON "sessions"("started_at");
CREATE INDEX "sessions_agent_type_ended_at_idx" ON "sessions"("agent_type", "ended_at");
CREATE INDEX "sessions_agent_id_idx" ON "sessions"("agent_id");

CREATE UNIQUE INDEX "usage_records_agent_type_dedupe_key_key" ON "usage_records"("agent_type", "dedupe_key");
CREATE INDEX "usage_records_agent_type_replay_key_idx" ON "usage_records"("agent_type", "replay_key");
CREATE INDEX "usage_records_occurred_at_idx" ON "usage_records"("occurred_at");
CREATE INDEX "usage_records_session_id_idx" ON "usage_records"("session_id");

CREATE UNIQUE INDEX "source_files_agent_type_path_key" ON "source_files"("agent_type", "path");

CREATE UNIQUE INDEX "model_prices_model_valid_from_key" ON "model_prices"("model", "valid_from");
