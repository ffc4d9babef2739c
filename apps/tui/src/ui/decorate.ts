import type { Paint } from './tags.js';

/**
 * Colour for text the view-models draw as plain characters (so it stays readable without
 * colour and in captures): panel borders cyan with bold titles, bars and meters green on a grey
 * track, the active mark green, budget alerts yellow (80 %) and red (exceeded). `text` is
 * already escaped for blessed.
 */
export function decorate(text: string, p: Paint): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('✖ ')) return p.red(p.bold(line));
      if (line.startsWith('▲ ')) return p.yellow(line);
      return line
        .replace(
          /([╭╰][─]*)(?:─ ([^─╮]+?) )?(─*[╮╯])/g,
          (_m, left: string, title: string | undefined, right: string) =>
            title === undefined
              ? p.cyan(`${left}${right}`)
              : `${p.cyan(`${left}─ `)}${p.bold(title)}${p.cyan(` ${right}`)}`,
        )
        .replace(/[│┤└]/g, (m) => p.cyan(m))
        .replace(/[█▉▊▋▌▍▎▏▁▂▃▄▅▆▇]+/g, (m) => p.green(m))
        .replace(/░+/g, (m) => p.dim(m))
        .replace(/●/g, (m) => p.green(m));
    })
    .join('\n');
}
