/**
 * Splits a migration file into statements. Our migration files put each statement's final
 * `;` at the end of a line and use `--` comments on their own lines; a `$$`-quoted function
 * body stays whole (its own lines end in `;` too). Nothing else is needed (and neither driver
 * runs several statements in one prepared call).
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let quoted = false;
  for (const line of sql.replace(/\r\n/g, '\n').split('\n')) {
    if (!quoted && (line.trim().startsWith('--') || (line.trim() === '' && current.length === 0))) continue;
    current.push(line);
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) quoted = !quoted;
    if (!quoted && /;\s*$/.test(line)) {
      statements.push(current.join('\n').trim().replace(/;\s*$/, ''));
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest !== '') statements.push(rest);
  return statements;
}
