// GitHub Actions entry: inputs → Options, run, then the CSV artifact, outputs, job summary and exit status.
// It receives its collaborators (`core`, the github context, the environment, the artifact client) as
// parameters, as actions/create-github-app-token does: src/index.ts wires the real ones, tests pass fakes.

import { COMMAND_SPECS, COMMANDS } from '../config/commands.js';
import { type GithubLike, githubContext, type RunContext } from '../config/context.js';
import { inputDefault } from '../config/inputs.js';
import { InputError, type Options, parseOptions } from '../config/options.js';
import { type ArtifactClientFactory, deliverCsv, publicArtifactRefusal } from '../output/artifact.js';
import { maskWebhook, notifyAfterRun } from '../output/notify.js';
import { KeptRows } from '../render/dashboard/from-report.js';
import { reportDocument } from '../render/json.js';
import { type SummaryWhere, summaryMarkdown } from '../render/markdown.js';
import { FirstRows, TableEnds } from '../render/rows.js';
import { Report } from '../report/report.js';
import { run } from '../run.js';
import { Cancellation, GRACE_MS } from '../shared/cancel.js';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import { type Logger, redactingLogger } from '../shared/log.js';
import { logLine } from '../shared/neutralise.js';
import { createProgress } from '../shared/progress.js';
import { type Redactor, redactUrl } from '../shared/redact.js';
import { defaultArtifactClient } from './artifact-client.js';
import { runServersAction } from './github-servers.js';

/** The part of @actions/core the entry uses. */
export interface ActionCore {
  getInput(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  isDebug(): boolean;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  summary: { addRaw(text: string): { write(): Promise<unknown> } };
}

/** Rows in the `json` output (the CSV has every key): a job's outputs are limited to 1 MB in all. */
const JSON_OUTPUT_ROWS = 1000;

export interface ActionEnvironment {
  core: ActionCore;
  /** `github.context` of @actions/github. */
  github: GithubLike;
  env: NodeJS.ProcessEnv;
  /** Makes the client that uploads the CSV; the default loads @actions/artifact only when called. */
  artifactClient?: ArtifactClientFactory;
  now?: Date;
}

const INPUT_ADVICE =
  "Fix that input (the step's `with:`, or the variable it is read from) and re-run: " +
  'nothing was sent to the server and no key was created.';

/** What the step ended with: the run's report (when it ran), its failures besides the report's, advice. */
interface StepOutcome {
  report?: Report;
  options?: Options;
  failures: string[];
  advice?: string;
  /** The exit code a thrown error carries (2 bad input, 130/143 a signal). */
  exitCode?: number;
  /** The first and last rows of the report's table (the summary), and its first rows (the `json` output). */
  ends: TableEnds;
  first: FirstRows;
  /** A `config` run: each server's own report, a summary section each after the combined one. */
  sections?: Array<{ report: Report; ends: TableEnds }>;
}

/** The steps from the inputs to the outputs; fills `step` as it goes, so the summary has it whatever happens. */
async function runStep(
  { core, env, artifactClient = defaultArtifactClient }: ActionEnvironment,
  context: RunContext,
  log: Logger & { redactor: Redactor },
  step: StepOutcome,
): Promise<void> {
  if (core.getInput('config').trim()) {
    const servers = await runServersAction({ core, context, env, log, artifactClient, sinks: [step.ends, step.first] });
    Object.assign(step, { options: servers.options, report: servers.report, sections: servers.sections });
    step.failures.push(...servers.failures);
    return;
  }
  const options = parseOptions((name) => core.getInput(name), env, context);
  step.options = options;
  // Before any request, so no key is created that could then not be handed over safely.
  const refusal = COMMAND_SPECS[options.command].keysCsv(options) ? publicArtifactRefusal(options, context) : undefined;
  if (refusal) {
    step.failures.push(refusal);
    return;
  }
  // The runner cancels with SIGINT, then SIGTERM 7.5 s later: no new requests, those in flight get
  // GRACE_MS, the CSV is kept.
  const cancellation = new Cancellation();
  const stopListening = cancellation.listen((signal, second) =>
    core.warning(
      second
        ? `${signal}: abandoning the requests in flight.`
        : `${signal}: stopping: no new requests; those in flight get ${GRACE_MS / 1000} s to finish, ` +
            'then the CSV is written.',
    ),
  );
  const kept = options.html ? new KeptRows() : undefined;
  const sinks = [step.ends, step.first, ...(kept ? [kept] : [])];
  try {
    const progress = createProgress({ write: (line) => log.info(line) });
    step.report = await run(options, context, log, cancellation, progress, sinks);
  } finally {
    stopListening();
  }
  if (options.html && kept) {
    // usage's dashboard: written before the upload, which takes it along (it holds no key).
    const { writeServerDashboard } = await import('../render/dashboard/index.js');
    writeServerDashboard(options.html, options.url, step.report, kept.rows, log);
  }
  const deliveryFailure = await deliverCsv(step.report, options, context, env, log, artifactClient);
  if (deliveryFailure) step.failures.push(deliveryFailure);
  for (const [name, value] of Object.entries(step.report.outputs))
    core.setOutput(name, log.redactor.redact(value ?? ''));
  const server = { name: options.url.host, url: redactUrl(options.url.href), report: step.report };
  await notifyAfterRun(options, [server], context.origin?.runUrl, log, { runFailure: deliveryFailure });
}

/** The job summary, never empty: the report when the run got that far, else the failure and what to do. */
function stepSummary(
  step: StepOutcome,
  context: RunContext,
  { core, env }: ActionEnvironment,
  redact: (text: string) => string,
): string {
  const command = step.options?.command ?? core.getInput('command');
  const report =
    step.report ?? new Report(`quota-proxy ${(COMMANDS as readonly string[]).includes(command) ? command : 'keys'}`);
  const where: SummaryWhere = {
    trigger: context.triggerText,
    workspace: context.workspace,
    runId: context.runId,
    // The name uploaded under: a name the run already had may have been numbered (output/artifact.ts).
    artifactName: report.outputs['artifact-name'] || step.options?.artifactName,
    repository: env.GITHUB_REPOSITORY,
    failures: step.failures,
    advice: step.advice,
    redact,
  };
  const sections = (step.sections ?? []).map((section) =>
    summaryMarkdown(section.report, section.ends, { workspace: context.workspace, redact }),
  );
  return [summaryMarkdown(report, step.report ? step.ends : undefined, where), ...sections].join('\n');
}

export async function runAction(environment: ActionEnvironment): Promise<void> {
  const { core, github, env, now = new Date() } = environment;
  const log = redactingLogger({
    info: core.info,
    warning: core.warning,
    debug: core.debug,
    mask: core.setSecret,
    debugEnabled: core.isDebug,
  });
  // Registered before the inputs are read: a refused input is echoed in its error (the CLI does the same).
  const token = core.getInput('admin-token') || env.ADMIN_TOKEN;
  if (token?.trim()) log.secret(token.trim(), 'token');
  maskWebhook(core.getInput('notify-webhook') || env.QUOTA_KEYS_WEBHOOK, log);
  // invocation-id is folded into the labels; parseOptions checks it like every input.
  const context = githubContext(github, env, now, core.getInput('invocation-id').trim());
  const step: StepOutcome = { failures: [], ends: new TableEnds(), first: new FirstRows(JSON_OUTPUT_ROWS) };
  try {
    await runStep(environment, context, log, step);
  } catch (error) {
    step.failures.push(errorMessage(error));
    if (error instanceof InputError) step.advice = INPUT_ADVICE;
    step.exitCode = error instanceof QuotaKeysError ? error.exitCode : 1;
  } finally {
    if (env.GITHUB_STEP_SUMMARY) {
      const redact = (text: string) => log.redactor.redact(text);
      await writeSummary(core, redact(stepSummary(step, context, environment, redact)), log);
    }
  }
  const { report } = step;
  const failures = [report && !report.ok ? (report.failure ?? 'failed') : undefined, ...step.failures];
  const failed = failures.filter((f) => f !== undefined);
  // The `json` output: the same document as the CLI's --json, also for a refused input (exit 2).
  const status = {
    command: step.options?.command ?? (core.getInput('command') || inputDefault('command')),
    exitCode: failed.length === 0 ? 0 : (step.exitCode ?? 1),
    failure: step.failures.length > 0 ? step.failures.join(' ') : undefined,
  };
  const kept = { rows: step.first.rows, omitted: step.first.omitted };
  core.setOutput(
    'json',
    reportDocument(report, status, (t) => log.redactor.redact(t), kept),
  );
  // An annotation and a log line: neutralised like every line of the log (shared/neutralise.ts).
  if (failed.length > 0) core.setFailed(logLine(log.redactor.redact(failed.join(' '))));
}

/** A summary that cannot be written (a full disk) is said in the log, and does not hide the step's own failure. */
async function writeSummary(core: ActionCore, markdown: string, log: Logger): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    log.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
}
