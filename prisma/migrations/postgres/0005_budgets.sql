-- Rimuru schema 5 (PostgreSQL): budgets, spending caps per local day, week or month, with
-- optional agent type / project / model filters. Kept in the store so that a team on one
-- PostgreSQL shares them. Amounts are integer nano-dollars like every other sum of money.
CREATE TABLE "budgets" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "amount_nanos" BIGINT NOT NULL,
    "period" TEXT NOT NULL,
    "agent_type" TEXT,
    "project" TEXT,
    "model" TEXT,
    "hard" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "budgets_name_key" ON "budgets"("name");
