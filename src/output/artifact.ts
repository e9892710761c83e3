// The keys CSV as a short-lived workflow artifact (GitHub). The client comes from the action's entry
// (src/platform/artifact-client.ts), which imports @actions/artifact, with its Azure SDK, only when
// there is a CSV to upload: health, usage, monitor and list without output never load it.
import { existsSync } from 'node:fs';
import type { RunReport } from '../commands/contract.js';
import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import { commonFolder, isPlainFile } from '../shared/files.js';
import type { Logger } from '../shared/log.js';
import { encryptReportCsv } from './encrypt.js';

/** Whether the command, as configured, writes keys to a CSV (and so uploads one). */
export function writesKeysCsv(options: Pick<Options, 'command' | 'replace' | 'dryRun' | 'outputGiven'>): boolean {
  switch (options.command) {
    case 'generate':
    case 'batch':
      return !options.dryRun;
    case 'rotate':
      return options.replace && !options.dryRun;
    case 'list':
      return options.outputGiven;
    default:
      return false;
  }
}

type ArtifactOptions = Pick<
  Options,
  'uploadArtifact' | 'encryptTo' | 'allowPublicArtifact' | 'artifactName' | 'retentionDays'
>;

/**
 * Why plaintext keys must not be uploaded from this repository, or undefined when they may be.
 * Any signed-in GitHub user can download a public repository's artifacts. `outcome` says what
 * became of the keys.
 */
export function publicArtifactRefusal(
  options: ArtifactOptions,
  context: Pick<RunContext, 'publicRepository'>,
  outcome = 'no key was created',
): string | undefined {
  // Unknown (an event payload without its repository) counts as public: refusing a private
  // repository's upload is a nuisance with a one-line fix, uploading a public one's keys is a leak.
  if (
    context.publicRepository === false ||
    !options.uploadArtifact ||
    options.encryptTo.length > 0 ||
    options.allowPublicArtifact
  )
    return undefined;
  const which = context.publicRepository
    ? 'a public repository'
    : 'a repository that may be public (the event payload does not say)';
  return (
    `Refusing to upload plaintext keys as an artifact of ${which} (any signed-in GitHub user can download a ` +
    `public repository's artifacts); ${outcome}. ` +
    'Set encrypt-to to your age recipient (age1…), or upload-artifact: false, or allow-public-artifact: true.'
  );
}

/** Whether the runner gave this step the artifact service (act and plain shells do not). */
export function artifactServiceAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}

export interface UploadedArtifact {
  name: string;
  id: number;
  /** `<server>/<owner>/<repo>/actions/runs/<run id>/artifacts/<id>` */
  url: string;
  /** SHA-256 of the zip, hex. */
  digest: string;
  /** Days the artifact is kept: retention-days, capped by the repository's setting. */
  retentionDays: number;
}

/** The part of @actions/artifact's client used here. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number },
  ): Promise<{ id?: number; digest?: string }>;
}

/** Makes the artifact client; called only when a CSV is to be uploaded. */
export type ArtifactClientFactory = () => Promise<ArtifactUploader>;

/** Uploads the files (the CSV, the audit log), zipped under their names. */
export async function uploadFileArtifact(
  files: readonly string[],
  options: Pick<Options, 'artifactName' | 'retentionDays'>,
  context: Pick<RunContext, 'runId'>,
  env: NodeJS.ProcessEnv,
  createClient: ArtifactClientFactory,
): Promise<UploadedArtifact> {
  const { artifactName: name, retentionDays } = options;
  const result = await (await createClient()).uploadArtifact(name, [...files], commonFolder(files), { retentionDays });
  if (result.id === undefined) throw new Error('the artifact service returned no artifact id');
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const url = `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${context.runId}/artifacts/${result.id}`;
  // The client caps the retention at the repository's setting, which the runner passes on.
  const max = Number(env.GITHUB_RETENTION_DAYS);
  return {
    name,
    id: result.id,
    url,
    digest: result.digest ?? '',
    retentionDays: max > 0 && max < retentionDays ? max : retentionDays,
  };
}

/**
 * After the command: encrypt the CSV when `encrypt-to` is set, then upload it with the audit log
 * beside it (also when the command failed: a batch that ended short still hands over the keys it
 * created, and the audit says what happened). A command without a CSV (delete, reset) uploads the
 * audit log alone. Sets the artifact outputs and summary lines; returns a failure line, or undefined.
 */
export async function deliverCsv(
  report: RunReport,
  options: ArtifactOptions,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  log: Logger,
  createClient: ArtifactClientFactory,
): Promise<string | undefined> {
  // Only the run's own files: the audit log when this run wrote to it, none through a link.
  const audit = report.auditPath && isPlainFile(report.auditPath) ? report.auditPath : undefined;
  const hasCsv = report.csvPath !== undefined && isPlainFile(report.csvPath);
  if (report.csvPath && !hasCsv && existsSync(report.csvPath))
    log.warning(`${report.csvPath} is no longer the file this run wrote (a symbolic link?): it is not uploaded.`);
  // usage's dashboard goes along (it holds no key: no refusal for public repositories).
  const html = report.outputs['html-path'];
  const dashboard = html && isPlainFile(html) ? html : undefined;
  if (!hasCsv && !audit && !dashboard) return undefined;
  if (hasCsv) {
    try {
      await encryptReportCsv(report, options.encryptTo, log);
    } catch (error) {
      return error instanceof Error ? error.message : String(error); // nothing uploaded: it would be plaintext
    }
  }
  const files = [...(hasCsv ? [report.csvPath!] : []), ...(audit ? [audit] : []), ...(dashboard ? [dashboard] : [])];
  const shown = files.join(' and ');
  const what = hasCsv ? 'the CSV' : audit ? 'the audit log' : 'the dashboard';
  // The summary says where the keys are when no artifact holds them.
  const onRunner = (why: string) =>
    report.summary.facts.push(['Artifact', `none (${why}): ${what} stays on the runner`]);
  if (!options.uploadArtifact) {
    onRunner('upload-artifact: false');
    return undefined;
  }
  // The check before the run covers the commands known to write keys; this one any other CSV.
  const refusal = hasCsv
    ? publicArtifactRefusal(options, context, `the CSV stays on the runner at ${files[0]}`)
    : undefined;
  if (refusal) return refusal;
  if (!artifactServiceAvailable(env)) {
    onRunner('no artifact service here');
    const none = 'No artifact service here (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL unset)';
    if (hasCsv) log.warning(`${none}: the CSV was not uploaded; it is at ${files[0]}.`);
    else log.info(`${none}: ${what} was not uploaded; it is at ${files[0]}.`);
    return undefined;
  }
  let artifact: UploadedArtifact;
  try {
    artifact = await uploadFileArtifact(files, options, context, env, createClient);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = hasCsv
      ? `The keys are only on the runner, at ${files[0]}.`
      : `${what} is on the runner, at ${files[0]}.`;
    return `Uploading ${what} as artifact "${options.artifactName}" failed: ${message}. ${where}`;
  }
  Object.assign(report.outputs, {
    'artifact-id': String(artifact.id),
    'artifact-url': artifact.url,
    'artifact-digest': artifact.digest,
  });
  const days = `${artifact.retentionDays} day${artifact.retentionDays === 1 ? '' : 's'}`;
  report.summary.facts.push(
    ['Artifact', `${artifact.name} (kept ${days}${options.encryptTo.length > 0 ? ', age-encrypted' : ''})`],
    ['Artifact URL', artifact.url],
  );
  log.info(`Uploaded ${shown} as artifact ${artifact.name} (id ${artifact.id}, kept ${days}): ${artifact.url}`);
  return undefined;
}
