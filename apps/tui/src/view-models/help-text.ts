/** Every key of the TUI, shown by `?`. */
const HELP_SECTIONS: readonly { title: string; keys: readonly [string, string][] }[] = [
  {
    title: 'Views',
    keys: [
      ['1', 'Dashboard'],
      ['2', 'Agents'],
      ['3', 'Sessions'],
      ['4', 'Costs'],
    ],
  },
  {
    title: 'Sessions',
    keys: [
      ['j / k, ↓ / ↑', 'move down / up'],
      ['g / G', 'first / last session'],
      ['Ctrl+d / Ctrl+u', 'half a page down / up'],
      ['PgDn / PgUp', 'a page down / up'],
      ['Enter', 'session details'],
      ['/', 'search as you type: id, project, model, agent'],
      ['Esc', 'clear the search'],
      ['f', 'filter panel: status, agent type, time range'],
      ['s', 'sort: start → duration → tokens → cost'],
      ['a', 'active sessions only (toggle)'],
    ],
  },
  {
    title: 'Dashboard, Agents, Costs',
    keys: [['j / k, g / G', 'scroll a view taller than the screen']],
  },
  {
    title: 'Costs',
    keys: [
      ['Tab', 'next panel'],
      ['r', 'next range (Today, 7 days, 30 days, This Month, All)'],
    ],
  },
  {
    title: 'Everywhere',
    keys: [
      ['?', 'this help'],
      ['r', 'refresh (sync now)'],
      ['Esc', 'close overlay'],
      ['q / Ctrl+c', 'quit'],
    ],
  },
];

export function helpLines(): string[] {
  const lines: string[] = [];
  for (const section of HELP_SECTIONS) {
    lines.push(section.title);
    for (const [key, what] of section.keys) lines.push(`  ${key.padEnd(18)}${what}`);
    lines.push('');
  }
  lines.push('Esc or ? closes this help.');
  return lines;
}
