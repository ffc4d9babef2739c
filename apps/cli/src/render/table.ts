import Table from 'cli-table3';

/** A borderless, compact table in the style of the seed's listings. */
export function renderTable(head: string[], rows: string[][], options: { color: boolean; align?: ('left' | 'right')[] }): string {
  const table = new Table({
    head,
    // cli-table3 indexes colAligns per cell: it must be an array even when nothing is aligned.
    colAligns: options.align ?? head.map(() => 'left' as const),
    style: { head: options.color ? ['cyan'] : [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '',
    },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}
