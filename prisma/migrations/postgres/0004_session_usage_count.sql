-- Rimuru schema 4 (PostgreSQL): each session keeps how many usage records it owns, so totals over
-- whole sessions (stats, costs over a range) sum the roll-ups instead of every record.
ALTER TABLE "sessions" ADD COLUMN "usage_count" INTEGER NOT NULL DEFAULT 0;
UPDATE "sessions" SET "usage_count" = (SELECT COUNT(*) FROM "usage_records" u WHERE u."session_id" = "sessions"."id");
