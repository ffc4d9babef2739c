import { isBudgetPeriod, StoreError, type Budget, type BudgetSpec } from '@rimuru/core';
import { rawBigInt, rawBool, rawDate, rawStringOrNull } from './raw-values.js';
import { sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';

const COLUMNS = sql`name, amount_nanos, period, agent_type, project, model, hard, created_at, updated_at`;

function budgetOf(r: RawRow): Budget {
  const period = String(r.period);
  // Only `budget set` writes the table, through core's parser: anything else is damage.
  if (!isBudgetPeriod(period))
    throw new StoreError('DB_ERROR', `Budget "${String(r.name)}" has an unknown period "${period}"`);
  return {
    name: String(r.name),
    amountNanos: rawBigInt(r.amount_nanos),
    period,
    agentType: rawStringOrNull(r.agent_type),
    project: rawStringOrNull(r.project),
    model: rawStringOrNull(r.model),
    hard: rawBool(r.hard),
    createdAt: rawDate(r.created_at),
    updatedAt: rawDate(r.updated_at),
  };
}

/** Every budget, by name. */
export async function listBudgets(db: SqlRunner): Promise<Budget[]> {
  const rows = await db.query(sql`SELECT ${COLUMNS} FROM budgets ORDER BY name`);
  return rows.map(budgetOf);
}

export async function getBudget(db: SqlRunner, name: string): Promise<Budget | null> {
  const [row] = await db.query(sql`SELECT ${COLUMNS} FROM budgets WHERE name = ${name}`);
  return row === undefined ? null : budgetOf(row);
}

/**
 * Creates or replaces the budget named `spec.name` in one transaction: every field is the
 * spec's (a filter left out of `budget set` is cleared), the creation time stays.
 */
export function upsertBudget(
  db: SqlRunner,
  spec: BudgetSpec,
  now: Date,
): Promise<{ budget: Budget; created: boolean }> {
  return db.transaction(async (tx) => {
    const before = await getBudget(tx, spec.name);
    await tx.execute(sql`INSERT INTO budgets (name, amount_nanos, period, agent_type, project, model, hard, created_at, updated_at)
      VALUES (${spec.name}, ${spec.amountNanos}, ${spec.period}, ${spec.agentType}, ${spec.project}, ${spec.model}, ${spec.hard}, ${now}, ${now})
      ON CONFLICT (name) DO UPDATE SET amount_nanos = excluded.amount_nanos, period = excluded.period,
        agent_type = excluded.agent_type, project = excluded.project, model = excluded.model, hard = excluded.hard,
        updated_at = excluded.updated_at`);
    const budget = await getBudget(tx, spec.name);
    if (budget === null) throw new StoreError('DB_ERROR', `Budget "${spec.name}" was not written`);
    return { budget, created: before === null };
  });
}

export async function removeBudget(db: SqlRunner, name: string): Promise<boolean> {
  return (await db.execute(sql`DELETE FROM budgets WHERE name = ${name}`)) > 0;
}
