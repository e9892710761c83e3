// Many servers' CSVs as one artifact (GitHub): every server's `<name>-…csv` (already encrypted
// when encrypt-to is set), uploaded together, also when some server failed.

import type { RunContext } from '../config/context.js';
import {
  type ArtifactClientFactory,
  type ArtifactOptions,
  artifactOutputs,
  artifactServiceAvailable,
  publicArtifactRefusal,
  sameNameRule,
  uploadFileArtifact,
} from '../output/artifact.js';
import { errorMessage } from '../shared/errors.js';
import { isPlainFile } from '../shared/files.js';
import type { Logger } from '../shared/log.js';
import type { MultiReport } from './run-all.js';

/** Uploads the servers' CSVs as one artifact; sets the artifact outputs; returns a failure line, or undefined. */
export async function deliverServerCsvs(
  all: MultiReport,
  options: ArtifactOptions,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  log: Logger,
  createClient: ArtifactClientFactory,
): Promise<string | undefined> {
  // Only the run's own files, none through a link: the CSVs, and the audit log when a server wrote to it.
  const csvs = all.results.map((r) => r.report.csvPath).filter((f): f is string => Boolean(f && isPlainFile(f)));
  // The servers append to one audit log (beside the CSVs): it goes in the artifact with them.
  const audit = [...new Set(all.results.map((r) => r.report.auditPath))].filter(
    (f): f is string => f !== undefined && isPlainFile(f),
  );
  // usage --html: the one dashboard of every server goes along (it holds no key).
  const htmlPath = all.report.outputs['html-path'];
  const html = htmlPath && isPlainFile(htmlPath) ? [htmlPath] : [];
  const files = [...csvs, ...audit, ...html];
  if ((csvs.length === 0 && html.length === 0) || !options.uploadArtifact) return undefined;
  const where = files.join(', ');
  const contents = [
    csvs.length > 0 ? `${csvs.length} CSV` : '',
    audit.length > 0 ? 'the audit log' : '',
    ...html.map(() => 'the dashboard'),
  ]
    .filter(Boolean)
    .join(' and ');
  const refusal = csvs.length > 0 && publicArtifactRefusal(options, context, `the CSVs stay on the runner: ${where}`);
  if (refusal) return refusal;
  if (!artifactServiceAvailable(env)) {
    log.warning(
      `No artifact service here (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL unset): the files are at ${where}.`,
    );
    return undefined;
  }
  try {
    const sameName = sameNameRule(
      options,
      context,
      all.results.map((r) => r.report),
    );
    const artifact = await uploadFileArtifact(files, options, context, env, { sameName, log }, createClient);
    Object.assign(all.report.outputs, artifactOutputs(artifact));
    all.report.facts.set('artifact', `${artifact.name} (${contents})`).set('artifact_url', artifact.url);
    log.info(`Uploaded ${contents} as artifact ${artifact.name} (id ${artifact.id}): ${artifact.url}`);
    return undefined;
  } catch (error) {
    const message = errorMessage(error);
    return (
      `Uploading the CSVs as artifact "${options.artifactName}" failed: ${message}. ` +
      `The keys are only on the runner, at ${where}.`
    );
  }
}
