-- Rimuru schema 2 (PostgreSQL): fast-mode multiplier of a dated price row (LiteLLM
-- provider_specific_entry.fast), so a price read back from the store prices fast requests too.
ALTER TABLE "model_prices" ADD COLUMN "fast_multiplier" DOUBLE PRECISION;
CREATE INDEX "model_prices_valid_from_idx" ON "model_prices"("valid_from");
