import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Prng } from '../claude/prng.js';

/**
 * Synthetic homes of the Cline family (Cline, Roo Code, Kilo Code): task folders
 * `<storage>/tasks/<taskId>/ui_messages.json` with their side files, written from the format
 * facts in packages/adapters-cline/README.md, plus the truth a reader must find.
 */
type ClineFamilyKind = 'cline' | 'roo-code' | 'kilo-code';

export interface GeneratedTaskTruth {
  taskId: string;
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  /** Usage records a reader must count (placeholders and empty failures excluded). */
  requests: number;
  costUsd: number;
  models: string[];
  projectPath: string | null;
  firstAtMs: number;
  lastAtMs: number;
}

export interface ClineFamilyHome {
  truth: GeneratedTaskTruth[];
  /** Task folders, relative to the home. */
  taskDirs: string[];
}

export interface ClineFamilyHomeOptions {
  kind: ClineFamilyKind;
  seed?: number;
  /** Tasks per storage location (default 4). */
  tasksPerStorage?: number;
}

const EXTENSION_IDS: Record<ClineFamilyKind, string> = {
  cline: 'saoudrizwan.claude-dev',
  'roo-code': 'rooveterinaryinc.roo-cline',
  'kilo-code': 'kilocode.kilo-code',
};

/** Roo Code 3.29.5 (2025-11-01) / Kilo Code 4.119.0 (2025-11-12) began writing the whole prompt as tokensIn. */
const INCLUSIVE_SINCE: Record<Exclude<ClineFamilyKind, 'cline'>, number> = {
  'roo-code': Date.UTC(2025, 10, 1),
  'kilo-code': Date.UTC(2025, 10, 12),
};

const CLINE_PROVIDERS = [
  { provider: 'anthropic', models: ['claude-sonnet-4-20250514', 'claude-opus-4-1-20250805'], inclusive: false },
  { provider: 'openrouter', models: ['anthropic/claude-sonnet-4', 'google/gemini-2.5-pro'], inclusive: false },
  // The OpenAI-compatible handler passes prompt_tokens (cache included) with a cached count.
  { provider: 'openai', models: ['gpt-4.1', 'qwen3-coder'], inclusive: true },
] as const;

const ROO_MODELS = ['claude-sonnet-4-20250514', 'anthropic/claude-3.7-sonnet', 'gpt-5', 'deepseek-chat'] as const;

/** Linux storage folders of the extension, relative to the home: desktop, VS Code Server, and Cline's own. */
function storageDirs(kind: ClineFamilyKind): string[] {
  const id = EXTENSION_IDS[kind];
  const dirs = [
    join('.config', 'Code', 'User', 'globalStorage', id),
    join('.vscode-server', 'data', 'User', 'globalStorage', id),
  ];
  if (kind === 'cline') dirs.push(join('.cline', 'data'));
  return dirs;
}

interface Writer {
  files: Map<string, string>;
}

function put(writer: Writer, path: string, value: unknown): void {
  writer.files.set(path, JSON.stringify(value, null, 2));
}

interface RequestPlan {
  ts: number;
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cost: number;
  model: string;
  provider: string;
  protocol: 'anthropic' | 'openai';
  inclusive: boolean;
  cancelled: boolean;
}

function tokensIn(plan: RequestPlan): number {
  return plan.inclusive ? plan.input + plan.cacheRead + plan.cacheWrite : plan.input;
}

function requestText(plan: RequestPlan, kind: ClineFamilyKind): string {
  return JSON.stringify({
    ...(kind === 'cline' ? { request: '<task>\n…\n</task>' } : { apiProtocol: plan.protocol }),
    tokensIn: tokensIn(plan),
    tokensOut: plan.output,
    cacheWrites: plan.cacheWrite,
    cacheReads: plan.cacheRead,
    cost: plan.cost,
    ...(plan.cancelled ? { cancelReason: 'user_cancelled' } : {}),
  });
}

function writeTask(
  writer: Writer,
  kind: ClineFamilyKind,
  taskDir: string,
  taskId: string,
  baseTs: number,
  prng: Prng,
  index: number,
): GeneratedTaskTruth {
  const truth: GeneratedTaskTruth = {
    taskId,
    input: 0,
    output: 0,
    cacheRead: 0,
    cacheWrite: 0,
    requests: 0,
    costUsd: 0,
    models: [],
    projectPath: null,
    firstAtMs: baseTs,
    lastAtMs: baseTs,
  };
  const messages: Record<string, unknown>[] = [
    { ts: baseTs, type: 'say', say: 'task', text: `Fix bug number ${index}\nin the parser` },
  ];
  const history: Record<string, unknown>[] = [];
  const modelUsage: Record<string, unknown>[] = [];
  const project = `/home/dev/projects/app-${index}`;
  // Where the project is recorded varies: the task list, only the prompts, or nowhere.
  const projectVia = index % 3 === 0 ? 'history-item' : index % 3 === 1 ? 'prompt' : 'none';
  if (projectVia !== 'none') truth.projectPath = project;

  const cline = kind === 'cline';
  let choice = prng.pick(CLINE_PROVIDERS);
  let model = cline ? prng.pick(choice.models) : prng.pick(ROO_MODELS);
  const requests = prng.int(2, 6);
  let ts = baseTs + 1_000;
  for (let r = 0; r < requests; r += 1) {
    if (r > 0 && prng.chance(0.3)) {
      choice = prng.pick(CLINE_PROVIDERS);
      model = cline ? prng.pick(choice.models) : prng.pick(ROO_MODELS);
    }
    const protocol = model.includes('claude') ? 'anthropic' : 'openai';
    const cached = prng.chance(0.7);
    const plan: RequestPlan = {
      ts,
      input: prng.int(0, 4_000),
      output: prng.int(1, 3_000),
      cacheRead: cached ? prng.int(1_000, 90_000) : 0,
      cacheWrite: cached && prng.chance(0.5) ? prng.int(100, 9_000) : 0,
      cost: prng.int(1, 500_000) / 1_000_000,
      model,
      provider: choice.provider,
      protocol,
      inclusive: cline ? choice.inclusive : ts >= INCLUSIVE_SINCE[kind] || protocol === 'openai',
      cancelled: r === requests - 1 && prng.chance(0.3),
    };
    if (
      cline &&
      (modelUsage.length === 0 ||
        modelUsage.at(-1)?.['model_id'] !== model ||
        modelUsage.at(-1)?.['model_provider_id'] !== choice.provider)
    ) {
      modelUsage.push({ ts: ts - 5, model_id: model, model_provider_id: choice.provider, mode: 'act' });
    }
    messages.push({
      ts,
      type: 'say',
      say: 'api_req_started',
      text: requestText(plan, kind),
      ...(cline ? { conversationHistoryIndex: r * 2 } : {}),
    });
    const envDetails = [
      '<environment_details>',
      projectVia === 'prompt' || (!cline && projectVia === 'history-item')
        ? `# Current ${cline ? 'Working' : 'Workspace'} Directory (${project}) Files\nsrc/\n`
        : '',
      cline ? '' : `<model>${model}</model>`,
      '</environment_details>',
    ].join('\n');
    history.push({
      role: 'user',
      content: [
        { type: 'text', text: r === 0 ? `<task>Fix bug number ${index}</task>` : 'tool result' },
        { type: 'text', text: envDetails },
      ],
      ts: ts + 5,
    });
    history.push({ role: 'assistant', content: [{ type: 'text', text: 'Working on it.' }], ts: ts + 20 });
    messages.push({ ts: ts + 20, type: 'say', say: 'text', text: 'Working on it.', partial: false });
    if (prng.chance(0.5))
      messages.push({
        ts: ts + 30,
        type: 'ask',
        ask: 'tool',
        text: JSON.stringify({ tool: 'readFile', path: 'src/a.ts' }),
      });
    truth.input += plan.input;
    truth.output += plan.output;
    truth.cacheRead += plan.cacheRead;
    truth.cacheWrite += plan.cacheWrite;
    truth.costUsd += plan.cost;
    truth.requests += 1;
    if (!truth.models.includes(model)) truth.models.push(model);
    ts += prng.int(30_000, 600_000);
  }
  // A request that failed before any usage arrived: nothing to count.
  messages.push({
    ts,
    type: 'say',
    say: 'api_req_started',
    text: JSON.stringify({
      tokensIn: 0,
      tokensOut: 0,
      cacheWrites: 0,
      cacheReads: 0,
      cost: 0,
      cancelReason: 'streaming_failed',
    }),
  });
  ts += 1_000;
  if (cline && index % 2 === 0) {
    // Spend of requests the user deleted, kept as one aggregate record.
    const deleted = { tokensIn: 1_200, tokensOut: 300, cacheWrites: 0, cacheReads: 0, cost: 0.0042 };
    messages.push({ ts, type: 'say', say: 'deleted_api_reqs', text: JSON.stringify(deleted) });
    truth.input += deleted.tokensIn;
    truth.output += deleted.tokensOut;
    truth.costUsd += deleted.cost;
    truth.requests += 1;
    if (!truth.models.includes(model)) truth.models.push(model);
    ts += 1_000;
  }
  // The request still being prepared: a placeholder the next rewrite fills in.
  messages.push({
    ts,
    type: 'say',
    say: 'api_req_started',
    text: JSON.stringify(cline ? { request: '<feedback>…</feedback>' } : { apiProtocol: 'anthropic' }),
  });
  messages.push({ ts: ts + 10, type: 'say', say: 'text', text: 'Thinking', partial: true });
  truth.lastAtMs = ts + 10;

  put(writer, join(taskDir, 'ui_messages.json'), messages);
  put(writer, join(taskDir, 'api_conversation_history.json'), history);
  if (cline)
    put(writer, join(taskDir, 'task_metadata.json'), {
      files_in_context: [],
      model_usage: modelUsage,
      environment_history: [],
    });
  else {
    put(writer, join(taskDir, 'history_item.json'), {
      id: taskId,
      number: index + 1,
      ts: baseTs,
      task: `Fix bug number ${index}`,
      tokensIn: 0,
      tokensOut: 0,
      totalCost: truth.costUsd,
      ...(projectVia === 'history-item' ? { workspace: project } : {}),
    });
  }
  return truth;
}

function taskIdFor(kind: ClineFamilyKind, baseTs: number, prng: Prng): string {
  // Cline names tasks by their start time in ms; Roo Code and Kilo Code by a UUID.
  return kind === 'cline' ? String(baseTs) : prng.uuid();
}

/** Builds the in-memory files of a synthetic home; deterministic for a seed. */
function clineFamilyFiles(options: ClineFamilyHomeOptions): {
  files: Map<string, string>;
  home: ClineFamilyHome;
} {
  const prng = new Prng(options.seed ?? 7);
  const writer: Writer = { files: new Map() };
  const truth: GeneratedTaskTruth[] = [];
  const taskDirs: string[] = [];
  const perStorage = options.tasksPerStorage ?? 4;
  let index = 0;
  for (const storage of storageDirs(options.kind)) {
    const historyItems: Record<string, unknown>[] = [];
    for (let t = 0; t < perStorage; t += 1) {
      // Half the tasks before the Roo/Kilo change of tokensIn, half after.
      const baseTs = (index % 2 === 0 ? Date.UTC(2025, 5, 1) : Date.UTC(2025, 11, 1)) + index * 86_400_000;
      const taskId = taskIdFor(options.kind, baseTs, prng);
      const taskDir = join(storage, 'tasks', taskId);
      const task = writeTask(writer, options.kind, taskDir, taskId, baseTs, prng, index);
      truth.push(task);
      taskDirs.push(taskDir);
      if (options.kind === 'cline') {
        historyItems.push({
          id: taskId,
          ts: baseTs,
          task: `Fix bug number ${index}`,
          tokensIn: 0,
          tokensOut: 0,
          totalCost: task.costUsd,
          ...(index % 3 === 0 ? { cwdOnTaskInitialization: task.projectPath } : {}),
        });
      }
      index += 1;
    }
    if (options.kind === 'cline') put(writer, join(storage, 'state', 'taskHistory.json'), historyItems);
  }
  return { files: writer.files, home: { truth, taskDirs } };
}

/** Writes a synthetic home of the kind into `dir` and returns its truth. */
export async function writeClineFamilyHome(dir: string, options: ClineFamilyHomeOptions): Promise<ClineFamilyHome> {
  const { files, home } = clineFamilyFiles(options);
  for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = join(dir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return home;
}

/** Cline's synthetic home. */
export function writeClineHome(dir: string, seed?: number): Promise<ClineFamilyHome> {
  return writeClineFamilyHome(dir, { kind: 'cline', ...(seed === undefined ? {} : { seed }) });
}

export { describeClineFamilyGeneratedHome } from './generated-home-suite.js';
