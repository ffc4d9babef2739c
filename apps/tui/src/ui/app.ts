import type blessed from 'blessed';
import { formatLocalDateTime, isRimuruError } from '@rimuru/core';
import { loadAgents } from '../data/agents-data.js';
import { loadCosts } from '../data/costs-data.js';
import { loadDashboard } from '../data/dashboard-data.js';
import { LiveSync } from '../live-sync.js';
import { SessionsController } from '../sessions-controller.js';
import type { TuiRuntime } from '../tui-runtime.js';
import { COST_PANELS, nextCostRange, nextPanel, type CostPanel, type CostRange } from '../view-models/cost-range.js';
import { helpLines } from '../view-models/help-text.js';
import type { CursorMove } from '../view-models/list-cursor.js';
import { agentsLines, costsLines, dashboardLines } from '../view-models/panel-lines.js';
import { describeQuery, nextSort, toggleActiveOnly } from '../view-models/session-query-state.js';
import { sessionDetailLines } from '../view-models/session-detail-lines.js';
import { changeFilter, FILTER_ROWS, filterPanelText } from './filter-panel.js';
import { createLayout } from './layout.js';
import { renderSessions } from './render-sessions.js';
import type { Paint } from './tags.js';

type View = 'dashboard' | 'agents' | 'sessions' | 'costs';
type Mode = 'normal' | 'help' | 'detail' | 'filter' | 'search';
const VIEWS: View[] = ['dashboard', 'agents', 'sessions', 'costs'];
const VIEW_TITLES: Record<View, string> = { dashboard: 'Dashboard', agents: 'Agents', sessions: 'Sessions', costs: 'Costs' };

const MOVES: Record<string, CursorMove> = {
  j: 'down', down: 'down', k: 'up', up: 'up', g: 'first', home: 'first', 'S-g': 'last', end: 'last',
  'C-d': 'halfPageDown', 'C-u': 'halfPageUp', pagedown: 'pageDown', pageup: 'pageUp',
};

/** The TUI: views, keys, overlays, status bar and live sync. Resolves when the user quits. */
export function runApp(rt: TuiRuntime, screen: blessed.Widgets.Screen, p: Paint, initial: View): Promise<void> {
  const ui = createLayout(screen);
  const now = () => rt.ctx.now();
  const sessions = new SessionsController(rt, now);
  let view: View = initial;
  let mode: Mode = 'normal';
  let filterFocus = 0;
  let searchDraft = '';
  let costRange: CostRange = '7d';
  let costPanel: CostPanel = 'Summary';
  let lastSyncAt: string | null = null;
  let message = '';
  let viewText = '';
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const width = () => Math.max(20, (screen.width as number) - 0);
  const rowCtx = () => ({ now: now(), activeWindowMs: rt.activeWindowMs, costMode: rt.costMode });
  const report = (error: unknown) => {
    message = `error: ${isRimuruError(error) ? error.message : error instanceof Error ? error.message : String(error)}`;
    draw();
  };

  function draw(): void {
    ui.tabs.setContent(
      ` ${p.bold('rimuru')}  ${VIEWS.map((v, i) => (v === view ? p.selected(` ${i + 1} ${VIEW_TITLES[v]} `) : ` ${i + 1} ${VIEW_TITLES[v]} `)).join(' ')}  ${p.dim('? help')}`,
    );
    sessions.setHeight((ui.main.height as number) - 1);
    ui.main.setContent(view === 'sessions' ? renderSessions(sessions, width(), rowCtx(), p) : viewText);
    ui.status.setContent(statusText());
    screen.render();
  }

  function statusText(): string {
    if (mode === 'search') return p.esc(`/${searchDraft}`) + '█';
    const sync = lastSyncAt ? `synced ${formatLocalDateTime(new Date(lastSyncAt), rt.zone).slice(11)}` : 'not synced';
    const parts =
      view === 'sessions'
        ? [describeQuery(sessions.state), `${sessions.count === 0 ? 0 : sessions.cursor.selected + 1}/${sessions.count} rows`, sync]
        : [VIEW_TITLES[view], sync];
    return p.esc(` ${[...(message ? [message] : []), ...parts].join(' │ ')}`);
  }

  async function loadView(): Promise<void> {
    const w = width();
    if (view === 'sessions') return;
    if (view === 'dashboard') viewText = p.esc(dashboardLines(await loadDashboard(rt, now()), w).join('\n'));
    if (view === 'agents') viewText = p.esc(agentsLines(await loadAgents(rt), rt.zone, w).join('\n'));
    if (view === 'costs') viewText = p.esc(costsLines(await loadCosts(rt, costRange, now()), costPanel, COST_PANELS, w).join('\n'));
  }

  /** Re-reads the store for the current view; the sessions list keeps its selection. */
  async function refresh(): Promise<void> {
    lastSyncAt = await rt.store.meta.get('lastSyncAt');
    if (view === 'sessions') await sessions.refresh();
    else await loadView();
    draw();
  }

  const live = new LiveSync(rt, {
    onSynced: () => void refresh().catch(report),
    onError: report,
  });

  function showOverlay(label: string, text: string): void {
    ui.overlay.setLabel(` ${label} `);
    ui.overlay.setContent(text);
    ui.overlay.scrollTo(0);
    ui.overlay.show();
    ui.overlay.setFront();
  }

  function closeOverlay(): void {
    mode = 'normal';
    ui.overlay.hide();
    draw();
  }

  async function openDetail(): Promise<void> {
    const s = sessions.selected();
    if (!s) return;
    const [fresh] = await rt.store.sessions.find(s.id, 1);
    const session = fresh ?? s;
    const byModel = await rt.store.usage.byModel(session.id);
    mode = 'detail';
    showOverlay(`Session ${session.id.slice(0, 8)}`, p.esc(sessionDetailLines(session, byModel, { ...rowCtx(), zone: rt.zone }).join('\n')));
    draw();
  }

  async function switchView(next: View): Promise<void> {
    view = next;
    message = '';
    if (next !== 'sessions') await loadView();
    draw();
  }

  async function quit(): Promise<void> {
    screen.removeAllListeners('keypress');
    await live.stop();
    finish();
  }

  async function onKey(ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg): Promise<void> {
    const name = key.full ?? key.name;
    if (name === 'C-c') return quit();
    if (mode === 'search') {
      if (name === 'escape') mode = 'normal';
      else if (name === 'enter') {
        mode = 'normal';
        await sessions.apply({ ...sessions.state, search: searchDraft.trim() });
      } else if (name === 'backspace') searchDraft = searchDraft.slice(0, -1);
      else if (ch && !key.ctrl && !key.meta && ch >= ' ') searchDraft += ch;
      return draw();
    }
    if (mode !== 'normal') {
      if (name === 'escape' || (mode === 'help' && ch === '?') || (mode === 'filter' && (ch === 'f' || name === 'enter'))) {
        return closeOverlay();
      }
      if (name === 'q') return quit();
      if (mode === 'filter') {
        if (ch === 'j' || name === 'down') filterFocus = (filterFocus + 1) % FILTER_ROWS.length;
        if (ch === 'k' || name === 'up') filterFocus = (filterFocus + FILTER_ROWS.length - 1) % FILTER_ROWS.length;
        if (ch === 'l' || ch === ' ' || name === 'right') await sessions.apply(changeFilter(sessions.state, filterFocus, 1));
        if (ch === 'h' || name === 'left') await sessions.apply(changeFilter(sessions.state, filterFocus, -1));
        showOverlay('Filters', filterPanelText(sessions.state, filterFocus, p));
      } else if (MOVES[name] === 'down' || MOVES[name] === 'halfPageDown') ui.overlay.scroll(1);
      else if (MOVES[name] === 'up' || MOVES[name] === 'halfPageUp') ui.overlay.scroll(-1);
      return draw();
    }
    if (ch && '1234'.includes(ch) && ch !== '') return switchView(VIEWS[Number(ch) - 1]!);
    if (name === 'q') return quit();
    if (ch === '?') {
      mode = 'help';
      showOverlay('Keys', p.esc(helpLines().join('\n')));
      return draw();
    }
    if (name === 'escape') {
      message = '';
      return draw();
    }
    if (view === 'costs' && name === 'tab') {
      costPanel = nextPanel(costPanel);
      return switchView('costs');
    }
    if (view === 'costs' && ch === 'r') {
      costRange = nextCostRange(costRange);
      return switchView('costs');
    }
    if (ch === 'r') {
      message = 'syncing…';
      draw();
      await live.syncNow();
      message = '';
      return refresh();
    }
    if (view !== 'sessions') return;
    const move = MOVES[name];
    if (move) await sessions.move(move);
    else if (name === 'enter') return openDetail();
    else if (ch === '/') {
      mode = 'search';
      searchDraft = sessions.state.search;
    } else if (ch === 'f') {
      mode = 'filter';
      showOverlay('Filters', filterPanelText(sessions.state, filterFocus, p));
    } else if (ch === 's') await sessions.apply({ ...sessions.state, sort: nextSort(sessions.state.sort) });
    else if (ch === 'a') await sessions.apply(toggleActiveOnly(sessions.state));
    draw();
  }

  // Keys are handled one at a time, in order: a burst of j presses never races itself.
  let queue = Promise.resolve();
  screen.on('keypress', (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg) => {
    queue = queue.then(() => onKey(ch, key)).catch(report);
  });
  screen.on('resize', () => {
    queue = queue.then(async () => {
      if (view !== 'sessions') await loadView();
      await sessions.ensureVisible();
      draw();
    }).catch(report);
  });

  queue = (async () => {
    lastSyncAt = await rt.store.meta.get('lastSyncAt');
    await sessions.apply(sessions.state);
    await switchView(view);
    live.start();
  })().catch(report);
  return done;
}
