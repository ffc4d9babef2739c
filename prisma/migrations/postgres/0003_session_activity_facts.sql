-- Rimuru schema 3 (PostgreSQL): what an agent without token data still says about a session
-- (Copilot Chat, Cursor's tokenless chats): the models it names (JSON array, first-use order)
-- and its request count. The roll-up shows them next to, never instead of, usage records.
ALTER TABLE "sessions" ADD COLUMN "activity_models" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "sessions" ADD COLUMN "activity_request_count" INTEGER NOT NULL DEFAULT 0;
