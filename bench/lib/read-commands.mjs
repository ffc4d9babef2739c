/**
 * The read commands timed on the warm store beside `sessions stats` (each run with `--no-sync`):
 * the bar is at most 2× the stats read on the same store and ≤ 120 MB peak RSS.
 */
export function READ_COMMANDS(sessionId) {
  return [
    ['sessions show <id>', ['sessions', 'show', sessionId]],
    ['agents', ['agents']],
    ['costs by-model --range all', ['costs', 'by-model', '--range', 'all']],
    ['report daily', ['report', 'daily']],
    ['report weekly', ['report', 'weekly']],
    ['report monthly', ['report', 'monthly']],
    ['report blocks', ['report', 'blocks']],
    ['models missing', ['models', 'missing']],
  ];
}
