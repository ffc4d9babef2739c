import type { BudgetSpec } from '@rimuru/core';
import { getBudget, listBudgets, removeBudget, upsertBudget } from '../budget-rows.js';
import type { SqlRunner } from '../sql-runner.js';
import type { BudgetRepository } from '../store.js';

/** The `budgets` table: spending caps that `rimuru budget` writes and every reader checks. */
export class SqlBudgetRepository implements BudgetRepository {
  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => Date,
  ) {}

  list() {
    return listBudgets(this.sql);
  }

  get(name: string) {
    return getBudget(this.sql, name);
  }

  save(spec: BudgetSpec) {
    return upsertBudget(this.sql, spec, this.now());
  }

  remove(name: string) {
    return removeBudget(this.sql, name);
  }
}
