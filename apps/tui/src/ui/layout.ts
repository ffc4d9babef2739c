import blessed from 'blessed';

export interface Layout {
  tabs: blessed.Widgets.BoxElement;
  main: blessed.Widgets.BoxElement;
  status: blessed.Widgets.BoxElement;
  overlay: blessed.Widgets.BoxElement;
}

/** Tab strip (1 line), main area, status bar (1 line), and one overlay box for ?, Enter and f. */
export function createLayout(screen: blessed.Widgets.Screen): Layout {
  const tabs = blessed.box({ parent: screen, top: 0, left: 0, width: '100%', height: 1, tags: true });
  // Scrollable: a view taller than the screen (agents and their folders) scrolls with j/k.
  const main = blessed.box({
    parent: screen,
    top: 1,
    left: 0,
    width: '100%',
    bottom: 1,
    tags: true,
    wrap: false,
    scrollable: true,
    alwaysScroll: true,
  });
  const status = blessed.box({ parent: screen, bottom: 0, left: 0, width: '100%', height: 1, tags: true });
  const overlay = blessed.box({
    parent: screen,
    // Inside the main area: the tab strip and the status bar stay readable under an overlay.
    top: 2,
    left: 0,
    right: 0,
    bottom: 2,
    border: { type: 'line' },
    tags: true,
    hidden: true,
    scrollable: true,
    alwaysScroll: true,
    wrap: false,
    label: '',
  });
  return { tabs, main, status, overlay };
}
