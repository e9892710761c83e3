// GitHub Actions entry: inputs → Options, run, then outputs, job summary and exit status.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { githubContext } from '../context.js';
import { redactingLogger } from '../log.js';
import { parseOptions } from '../options.js';
import { run } from '../run.js';
import { summaryMarkdown } from './summary.js';

export async function runAction(): Promise<void> {
  const log = redactingLogger({ info: core.info, warning: core.warning, debug: core.debug, mask: core.setSecret });
  try {
    const context = githubContext(github.context, process.env);
    const options = parseOptions((name) => core.getInput(name), process.env, context);
    const report = await run(options, context, log);
    for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, log.redactor.redact(value));
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(log.redactor.redact(summaryMarkdown(report.summary))).write();
    if (!report.ok) core.setFailed(log.redactor.redact(report.failure ?? 'failed'));
  } catch (error) {
    core.setFailed(log.redactor.redact(error instanceof Error ? error.message : String(error)));
  }
}
