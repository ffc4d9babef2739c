import blessed from 'blessed';

/** Blessed tag helpers that turn into plain text when colour is off (NO_COLOR). */
export interface Paint {
  esc(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  /** Selection highlight: inverse video is not colour, so it stays under NO_COLOR. */
  selected(text: string): string;
}

export function paint(color: boolean): Paint {
  const esc = (t: string) => blessed.escape(t);
  const wrap = (tag: string) => (t: string) => (color ? `{${tag}}${t}{/${tag}}` : t);
  return {
    esc,
    bold: wrap('bold'),
    dim: color ? wrap('gray-fg') : (t) => t,
    green: wrap('green-fg'),
    cyan: wrap('cyan-fg'),
    selected: (t) => `{inverse}${t}{/inverse}`,
  };
}
