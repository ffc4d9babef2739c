import type blessed from 'blessed';
import { LAST_SYNC_META_KEY } from '@rimuru/sync';
import { configPath } from '@rimuru/app-runtime';
import {
  BudgetAlertTracker,
  budgetAlertLine,
  formatLocalDateTime,
  isRimuruError,
  type AgentType,
  type BillingBlock,
} from '@rimuru/core';
import { activeBillingBlock } from '@rimuru/app-runtime/active-block';
import { agentTypesInStore } from '../data/agent-types-in-store.js';
import { loadAgents } from '../data/agents-data.js';
import { loadBudgetStatuses } from '../data/budget-alerts.js';
import { loadCosts } from '../data/costs-data.js';
import { loadDashboard } from '../data/dashboard-data.js';
import { LiveSync } from '../live-sync.js';
import { SessionsController } from '../sessions-controller.js';
import type { TuiRuntime } from '../tui-runtime.js';
import { COST_PANELS, nextCostRange, nextPanel, type CostPanel, type CostRange } from '../view-models/cost-range.js';
import { dashboardLines } from '../view-models/dashboard-view.js';
import { firstRunLines } from '../view-models/first-run-lines.js';
import { helpLines } from '../view-models/help-text.js';
import type { CursorMove } from '../view-models/list-cursor.js';
import { agentsLines, costsLines } from '../view-models/panel-lines.js';
import { describeQuery, nextSort, toggleActiveOnly } from '../view-models/session-query-state.js';
import { sessionDetailLines } from '../view-models/session-detail-lines.js';
import { decorate } from './decorate.js';
import { changeFilter, FILTER_ROWS, filterPanelText } from './filter-panel.js';
import { createLayout } from './layout.js';
import { renderSessions } from './render-sessions.js';
import type { Paint } from './tags.js';

type View = 'dashboard' | 'agents' | 'sessions' | 'costs';
type Mode = 'normal' | 'help' | 'detail' | 'filter' | 'search';
const VIEWS: View[] = ['dashboard', 'agents', 'sessions', 'costs'];
const VIEW_TITLES: Record<View, string> = {
  dashboard: 'Dashboard',
  agents: 'Agents',
  sessions: 'Sessions',
  costs: 'Costs',
};

const MOVES: Record<string, CursorMove> = {
  j: 'down',
  down: 'down',
  k: 'up',
  up: 'up',
  g: 'first',
  home: 'first',
  'S-g': 'last',
  end: 'last',
  'C-d': 'halfPageDown',
  'C-u': 'halfPageUp',
  pagedown: 'pageDown',
  pageup: 'pageUp',
};

/** The keys of each view, shown at the end of the status bar when it has room. */
const KEY_HINTS: Record<View, string> = {
  dashboard: 'j/k scroll · r sync · ? keys',
  agents: 'j/k scroll · r sync · ? keys',
  sessions: '/ search · f filter · s sort · a active · ⏎ details',
  costs: 'Tab panel · r range · ? keys',
};

/** How often the dashboard redraws when nothing else refreshes it. */
const DASHBOARD_TICK_MS = 15_000;

/** How far each cursor key scrolls a view that is not a list. */
const SCROLL_STEPS: Record<CursorMove, number> = {
  down: 1,
  up: -1,
  halfPageDown: 10,
  halfPageUp: -10,
  pageDown: 20,
  pageUp: -20,
  first: -Infinity,
  last: Infinity,
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
  /** The agent types the filter panel offers: the store's and registered plugins'. */
  let agentTypes: AgentType[] = [];
  let message = '';
  let viewText = '';
  /** The first-run text while the store holds no session; null once it does. */
  let firstRun: string[] | null = null;
  /** Until the first background sync ends, an empty store means "still looking", not "nothing". */
  let firstSyncDone = rt.syncIntervalMs <= 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const width = () => Math.max(20, (screen.width as number) - 0);
  const rowCtx = () => ({ now: now(), activeWindowMs: rt.activeWindowMs, costMode: rt.costMode, zone: rt.zone });
  const report = (error: unknown) => {
    message = `error: ${isRimuruError(error) ? error.message : error instanceof Error ? error.message : String(error)}`;
    draw();
  };

  function draw(): void {
    ui.tabs.setContent(
      ` ${p.bold('rimuru')}  ${VIEWS.map((v, i) => (v === view ? p.selected(` ${i + 1} ${VIEW_TITLES[v]} `) : ` ${i + 1} ${VIEW_TITLES[v]} `)).join(' ')}  ${p.dim('? help')}`,
    );
    sessions.setHeight((ui.main.height as number) - 1);
    ui.main.setContent(view === 'sessions' ? renderSessions(sessions, width(), rowCtx(), p, firstRun) : viewText);
    ui.status.setContent(statusText());
    screen.render();
  }

  function statusText(): string {
    if (mode === 'search')
      return `${p.esc(` /${searchDraft}`)}█${p.dim(p.esc(` │ ${sessions.count} ${sessions.count === 1 ? 'match' : 'matches'} │ Enter keep · Esc clear`))}`;
    const sync = lastSyncAt ? `synced ${formatLocalDateTime(new Date(lastSyncAt), rt.zone).slice(11)}` : 'not synced';
    const parts =
      view === 'sessions'
        ? [
            describeQuery(sessions.state),
            `${sessions.count === 0 ? 0 : sessions.cursor.selected + 1}/${sessions.count} rows`,
            sync,
          ]
        : [VIEW_TITLES[view], sync];
    const text = ` ${parts.join(' │ ')}`;
    const alert =
      message.startsWith('✖') || message.startsWith('error:')
        ? p.red
        : message.startsWith('▲')
          ? p.yellow
          : (t: string) => t;
    const lead = message ? `${alert(p.esc(` ${message}`))} │` : '';
    // The keys of the view, k9s-style, where the line has room for them.
    const hint = ` │ ${KEY_HINTS[view]}`;
    const room = width() - [...text].length - (message ? [...message].length + 3 : 0);
    return `${lead}${p.esc(text)}${[...hint].length <= room ? p.dim(p.esc(hint)) : ''}`;
  }

  /** Where each agent was looked for, while the store is empty (adapters' roots, plugins included). */
  async function loadFirstRun(): Promise<void> {
    if ((await rt.store.sessions.count({})) > 0) {
      firstRun = null;
      return;
    }
    const options = {
      width: width(),
      homeDir: rt.ctx.homeDir,
      configPath: configPath(rt.ctx.env, rt.ctx.homeDir),
      syncing: !firstSyncDone,
    };
    firstRun = firstRunLines(await loadAgents(rt), options);
  }

  /**
   * The running 5-hour block, read beside the dashboard rather than before it: without a
   * five-hour pause in the last weeks it needs the whole history. The dashboard paints with the
   * last block read (or "Reading…") and again when a new read ends.
   */
  let block: BillingBlock | null | undefined;
  /** Set by every refresh (a sync, the dashboard's clock): the block is read again then. */
  let blockStale = true;
  let blockRead: Promise<void> | null = null;
  function readBlock(): void {
    if (blockRead !== null || !blockStale) return;
    blockStale = false;
    // Started on the next turn of the event loop: the store's reads block it, and the rest of
    // the dashboard is read and drawn first.
    blockRead = new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => activeBillingBlock(rt.store, now()))
      .then((read) => {
        block = read;
        if (!quitting && view === 'dashboard' && mode === 'normal')
          queue = queue.then(loadView).then(draw).catch(report);
      })
      // After quit the store closes under a read still running: nothing to say then.
      .catch((error: unknown) => {
        if (!quitting) report(error);
      })
      .finally(() => (blockRead = null));
  }

  async function loadView(): Promise<void> {
    const w = width();
    await loadFirstRun();
    if (view === 'sessions') return;
    const height = (ui.main.height as number) || 22;
    if (view === 'dashboard') {
      if (firstRun === null) readBlock();
      const lines =
        firstRun ??
        dashboardLines(await loadDashboard(rt, now(), block), {
          width: w,
          height,
          costMode: rt.costMode,
          activeWindowMs: rt.activeWindowMs,
        });
      viewText = decorate(p.esc(lines.join('\n')), p);
    }
    if (view === 'agents') viewText = p.esc(agentsLines(await loadAgents(rt), rt.zone, w, rt.ctx.homeDir).join('\n'));
    if (view === 'costs')
      viewText = decorate(
        p.esc(
          costsLines(await loadCosts(rt, costRange, now()), costPanel, COST_PANELS, w, height, rt.costMode).join('\n'),
        ),
        p,
      );
  }

  /** A budget that passes 80 % or 100 % while the TUI is open says so in the status bar, once. */
  const budgetAlerts = new BudgetAlertTracker();
  async function checkBudgets(): Promise<void> {
    const [alert] = budgetAlerts.update(
      await loadBudgetStatuses(rt.store, { now: now(), zone: rt.zone, costMode: rt.costMode }),
    );
    if (alert !== undefined) message = `${alert.level === 'exceeded' ? '✖' : '▲'} ${budgetAlertLine(alert)}`;
  }

  /** Re-reads the store for the current view; the sessions list keeps its selection. */
  async function refresh(): Promise<void> {
    lastSyncAt = await rt.store.meta.get(LAST_SYNC_META_KEY);
    blockStale = true;
    await checkBudgets();
    agentTypes = await agentTypesInStore(rt.store, rt.adapters);
    if (view === 'sessions') await sessions.refresh();
    await loadView();
    draw();
  }

  // The dashboard's clock (time left in the block, active sessions) moves without a sync too.
  const ticker = setInterval(() => {
    if (view === 'dashboard' && mode === 'normal') queue = queue.then(refresh).catch(report);
  }, DASHBOARD_TICK_MS);
  ticker.unref();

  const live = new LiveSync(rt, {
    onSynced: () => {
      firstSyncDone = true;
      void refresh().catch(report);
    },
    onError: (error) => {
      firstSyncDone = true;
      report(error);
    },
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
    showOverlay(`Session ${session.id.slice(0, 8)}`, p.esc(sessionDetailLines(session, byModel, rowCtx()).join('\n')));
    draw();
  }

  async function switchView(next: View): Promise<void> {
    if (next !== view) ui.main.scrollTo(0);
    view = next;
    message = '';
    await loadView();
    draw();
  }

  async function applySearch(text: string): Promise<void> {
    const search = text.trim();
    if (search !== sessions.state.search) await sessions.apply({ ...sessions.state, search });
  }

  let quitting = false;
  async function quit(): Promise<void> {
    quitting = true;
    clearInterval(ticker);
    screen.removeAllListeners('keypress');
    await live.stop();
    finish();
  }

  async function onKey(ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg): Promise<void> {
    const name = key.full ?? key.name;
    if (name === 'C-c') return quit();
    if (mode === 'search') {
      // The list follows every key; Enter keeps the search, Esc drops it.
      if (name === 'escape') {
        mode = 'normal';
        searchDraft = '';
      } else if (name === 'enter') mode = 'normal';
      else if (name === 'backspace') searchDraft = searchDraft.slice(0, -1);
      else if (ch && !key.ctrl && !key.meta && ch >= ' ') searchDraft += ch;
      // Keys typed faster than the list can follow are applied together, by the last of them.
      if (queued === 0) await applySearch(searchDraft);
      return draw();
    }
    if (mode !== 'normal') {
      if (
        name === 'escape' ||
        (mode === 'help' && ch === '?') ||
        (mode === 'filter' && (ch === 'f' || name === 'enter'))
      ) {
        return closeOverlay();
      }
      if (name === 'q') return quit();
      if (mode === 'filter') {
        if (ch === 'j' || name === 'down') filterFocus = (filterFocus + 1) % FILTER_ROWS.length;
        if (ch === 'k' || name === 'up') filterFocus = (filterFocus + FILTER_ROWS.length - 1) % FILTER_ROWS.length;
        if (ch === 'l' || ch === ' ' || name === 'right')
          await sessions.apply(changeFilter(sessions.state, filterFocus, 1, agentTypes));
        if (ch === 'h' || name === 'left')
          await sessions.apply(changeFilter(sessions.state, filterFocus, -1, agentTypes));
        showOverlay('Filters', filterPanelText(sessions.state, filterFocus, p, agentTypes, width() - 4));
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
      if (view === 'sessions' && sessions.state.search !== '') await applySearch('');
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
    if (view !== 'sessions') {
      // Views taller than the screen (agents and their folders, the first run) scroll.
      const move = MOVES[name];
      if (move === undefined) return;
      const step = SCROLL_STEPS[move];
      if (Number.isFinite(step)) ui.main.scroll(step);
      else ui.main.scrollTo(step > 0 ? ui.main.getScrollHeight() : 0);
      return draw();
    }
    const move = MOVES[name];
    if (move) await sessions.move(move);
    else if (name === 'enter') return openDetail();
    else if (ch === '/') {
      mode = 'search';
      searchDraft = sessions.state.search;
    } else if (ch === 'f') {
      mode = 'filter';
      showOverlay('Filters', filterPanelText(sessions.state, filterFocus, p, agentTypes, width() - 4));
    } else if (ch === 's') await sessions.apply({ ...sessions.state, sort: nextSort(sessions.state.sort) });
    else if (ch === 'a') await sessions.apply(toggleActiveOnly(sessions.state));
    draw();
  }

  // Keys are handled one at a time, in order: a burst of j presses never races itself.
  let queue = Promise.resolve();
  let queued = 0;
  screen.on('keypress', (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg) => {
    queued += 1;
    queue = queue
      .then(() => {
        queued -= 1;
        return onKey(ch, key);
      })
      .catch(report);
  });
  screen.on('resize', () => {
    queue = queue
      .then(async () => {
        if (view !== 'sessions') await loadView();
        await sessions.ensureVisible();
        draw();
      })
      .catch(report);
  });

  queue = (async () => {
    lastSyncAt = await rt.store.meta.get(LAST_SYNC_META_KEY);
    agentTypes = await agentTypesInStore(rt.store, rt.adapters);
    await checkBudgets();
    await sessions.apply(sessions.state);
    await switchView(view);
    live.start();
  })().catch(report);
  return done;
}
