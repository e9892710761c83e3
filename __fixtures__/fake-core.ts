// A stand-in for @actions/core, passed to runAction in-process: inputs from a record, and every
// output, summary, failure, mask and log line it is handed kept for the test to read.
import type { ActionCore } from '../src/platform/github.js';

export interface FakeCore extends ActionCore {
  outputs: Record<string, string>;
  /** Each summary written, in order. */
  summaries: string[];
  failures: string[];
  masked: string[];
  lines: string[];
  /** Everything the step showed (log lines, outputs, summaries, failures), to check for secrets. */
  shown(): string;
}

export function fakeCore(inputs: Record<string, string>, { debug = false } = {}): FakeCore {
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const failures: string[] = [];
  const masked: string[] = [];
  const lines: string[] = [];
  return {
    outputs,
    summaries,
    failures,
    masked,
    lines,
    // Like @actions/core: an unset input is '', values are trimmed.
    getInput: (name) => (inputs[name] ?? '').trim(),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    isDebug: () => debug,
    setSecret: (s) => masked.push(s),
    setOutput: (name, value) => (outputs[name] = value),
    setFailed: (m) => failures.push(m),
    summary: { addRaw: (text) => ({ write: async () => summaries.push(text) }) },
    shown: () => [...lines, ...Object.values(outputs), ...summaries, ...failures].join('\n'),
  };
}

export interface InProcessEvent {
  eventName?: string;
  ref?: string;
  runId?: number;
  /** The event payload's repository; private unless the test says otherwise; null: the payload has none. */
  repository?: Record<string, unknown> | null;
  /** The rest of the event payload: a workflow_dispatch form's `inputs`, a schedule's `schedule` (cron). */
  payload?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  artifactClient?: import('../src/output/artifact.js').ArtifactClientFactory;
}

/**
 * Runs the action entry in this process, as dist/index.js would on a runner (same variables as
 * scripts/lib/simulate-runner.js), with a fake core. Returns the core and the workspace.
 */
export async function runActionInProcess(inputs: Record<string, string>, event: InProcessEvent = {}) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { runAction } = await import('../src/platform/github.js');
  const workspace = mkdtempSync(path.join(tmpdir(), 'quota-keys-in-process-'));
  const core = fakeCore(inputs);
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'octo/keys',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: path.join(workspace, 'summary.md'),
    ...event.env,
  };
  const github = {
    eventName: event.eventName ?? 'push',
    ref: event.ref ?? 'refs/heads/main',
    runId: event.runId ?? 1001,
    payload: {
      ...event.payload,
      ...(event.repository === null
        ? {}
        : { repository: event.repository ?? { full_name: 'octo/keys', private: true, visibility: 'private' } }),
    },
  };
  await runAction({ core, github, env, artifactClient: event.artifactClient });
  return { core, workspace };
}
