// GitHub Actions entry: inputs → Options, run, then the CSV artifact, outputs, job summary and exit status.
// It receives its collaborators (`core`, the github context, the environment, the artifact client) as
// parameters, as actions/create-github-app-token does: src/index.ts wires the real ones, tests pass fakes.

import type { RunReport } from '../commands/contract.js';
import { type GithubLike, githubContext } from '../config/context.js';
import { inputDefault } from '../config/inputs.js';
import { InputError, parseOptions } from '../config/options.js';
import { type ArtifactClientFactory, deliverCsv, publicArtifactRefusal, writesKeysCsv } from '../output/artifact.js';
import { run } from '../run.js';
import { Cancellation, GRACE_MS } from '../shared/cancel.js';
import { redactingLogger } from '../shared/log.js';
import { reportDocument } from './json-report.js';
import { summaryMarkdown } from './summary.js';

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

export async function runAction({
  core,
  github,
  env,
  artifactClient,
  now = new Date(),
}: ActionEnvironment): Promise<void> {
  const log = redactingLogger({
    info: core.info,
    warning: core.warning,
    debug: core.debug,
    mask: core.setSecret,
    debugEnabled: core.isDebug,
  });
  try {
    // Registered before the inputs are read: a refused input is echoed in its error (the CLI does the same).
    const token = core.getInput('admin-token') || env.ADMIN_TOKEN;
    if (token?.trim()) log.secret(token.trim(), 'token');
    // invocation-id is folded into the labels; parseOptions checks it like every input.
    const context = githubContext(github, env, now, core.getInput('invocation-id').trim());
    const options = parseOptions((name) => core.getInput(name), env, context);
    // Before any request, so no key is created that could then not be handed over safely.
    const refusal = writesKeysCsv(options) ? publicArtifactRefusal(options, context) : undefined;
    if (refusal) {
      core.setFailed(refusal);
      return;
    }
    // The runner cancels with SIGINT, then SIGTERM 7.5 s later: no new requests, those in flight get GRACE_MS, the CSV is kept.
    const cancellation = new Cancellation();
    const stopListening = cancellation.listen((signal, second) =>
      core.warning(
        second
          ? `${signal}: abandoning the requests in flight.`
          : `${signal}: stopping: no new requests; those in flight get ${GRACE_MS / 1000} s to finish, then the CSV is written.`,
      ),
    );
    let report: RunReport;
    try {
      report = await run(options, context, log, cancellation);
    } finally {
      stopListening();
    }
    const deliveryFailure = await deliverCsv(report, options, context, env, log, artifactClient);
    for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, log.redactor.redact(value));
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(log.redactor.redact(summaryMarkdown(report.summary))).write();
    const failures = [report.ok ? undefined : (report.failure ?? 'failed'), deliveryFailure].filter(
      (f) => f !== undefined,
    );
    const exitCode = failures.length > 0 ? 1 : 0;
    const status = { command: options.command, exitCode, failure: deliveryFailure, maxRows: JSON_OUTPUT_ROWS };
    core.setOutput('json', JSON.stringify(reportDocument(report, status, (t) => log.redactor.redact(t))));
    if (failures.length > 0) core.setFailed(log.redactor.redact(failures.join(' ')));
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    // A refused input (exit 2 on the CLI) answers in `json` too.
    const status = {
      command: core.getInput('command') || inputDefault('command'),
      exitCode: error instanceof InputError ? 2 : 1,
      failure,
    };
    core.setOutput('json', JSON.stringify(reportDocument(undefined, status, (t) => log.redactor.redact(t))));
    core.setFailed(log.redactor.redact(failure));
  }
}
