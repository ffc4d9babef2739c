import blessed from 'blessed';

/** Blessed tag helpers that turn into plain text when colour is off (NO_COLOR); plain functions, passed around alone. */
export interface Paint {
  esc: (text: string) => string;
  bold: (text: string) => string;
  /** Hints and secondary text: mid grey where the terminal has it, else the plain foreground. */
  dim: (text: string) => string;
  green: (text: string) => string;
  cyan: (text: string) => string;
  yellow: (text: string) => string;
  red: (text: string) => string;
  magenta: (text: string) => string;
  blue: (text: string) => string;
  /** Selection highlight: inverse video is not colour, so it stays under NO_COLOR. */
  selected: (text: string) => string;
}

/**
 * blessed's tags name colours, not palette indexes; this one it matches to 245, the mid grey of
 * the 256-colour palette (its own match of #8a8a8a, 245 exactly, lands on yellow).
 */
export const GREY_245 = '#8e8e8e';

/**
 * Tags for a terminal of `colors` colours (0: colour off). Grey is never colour 8 ("bright
 * black"): 8-colour terminals fold it onto black, and some themes paint it as the background.
 * With 256 colours it is the palette's mid grey (245), readable on dark and light backgrounds;
 * with fewer, dim text is plain.
 */
export function paint(colors: number): Paint {
  const esc = (t: string) => blessed.escape(t);
  const wrap = (tag: string) => (t: string) => (colors > 0 ? `{${tag}}${t}{/${tag}}` : t);
  const plain = (t: string) => t;
  return {
    esc,
    bold: wrap('bold'),
    dim: colors >= 256 ? wrap(`${GREY_245}-fg`) : plain,
    green: wrap('green-fg'),
    cyan: wrap('cyan-fg'),
    yellow: wrap('yellow-fg'),
    red: wrap('red-fg'),
    magenta: wrap('magenta-fg'),
    blue: wrap('blue-fg'),
    selected: (t) => `{inverse}${t}{/inverse}`,
  };
}
