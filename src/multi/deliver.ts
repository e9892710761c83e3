// Many servers' CSVs as one artifact (GitHub): every server's `<name>-…csv` (already encrypted
// when encrypt-to is set), uploaded together, also when some server failed.
import { existsSync } from 'node:fs';
import type { RunContext } from '../config/context.js';
import {
  type ArtifactClientFactory,
  type ArtifactOptions,
  artifactOutputs,
  artifactServiceAvailable,
  defaultArtifactClient,
  publicArtifactRefusal,
  sameNameRule,
  uploadFileArtifact,
} from '../output/artifact.js';
import type { Logger } from '../shared/log.js';
import type { MultiReport } from './run-all.js';

/** Uploads the servers' CSVs as one artifact; sets the artifact outputs; returns a failure line, or undefined. */
export async function deliverServerCsvs(
  all: MultiReport,
  options: ArtifactOptions,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  log: Logger,
  createClient: ArtifactClientFactory = defaultArtifactClient,
): Promise<string | undefined> {
  const csvs = all.results.map((r) => r.report.csvPath).filter((f): f is string => Boolean(f && existsSync(f)));
  // The servers append to one audit log (beside the CSVs): it goes in the artifact with them.
  const audit = options.auditLog && existsSync(options.auditLog) ? [options.auditLog] : [];
  const files = [...csvs, ...audit];
  if (csvs.length === 0 || !options.uploadArtifact) return undefined;
  const where = files.join(', ');
  const refusal = publicArtifactRefusal(options, context, `the CSVs stay on the runner: ${where}`);
  if (refusal) return refusal;
  if (!artifactServiceAvailable(env)) {
    log.warning(
      `No artifact service here (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL unset): the CSVs are at ${where}.`,
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
    Object.assign(all.outputs, artifactOutputs(artifact));
    all.summary.facts.push(
      ['Artifact', `${artifact.name} (${csvs.length} CSV${audit.length > 0 ? ' and the audit log' : ''})`],
      ['Artifact URL', artifact.url],
    );
    log.info(
      `Uploaded ${csvs.length} CSV${audit.length > 0 ? ' and the audit log' : ''} as artifact ` +
        `${artifact.name} (id ${artifact.id}): ${artifact.url}`,
    );
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return (
      `Uploading the CSVs as artifact "${options.artifactName}" failed: ${message}. ` +
      `The keys are only on the runner, at ${where}.`
    );
  }
}
