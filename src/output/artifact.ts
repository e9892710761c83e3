// The keys CSV as a short-lived workflow artifact (GitHub). The client comes from the action's entry
// (src/platform/artifact-client.ts), which imports @actions/artifact, with its Azure SDK, only when
// there is a CSV to upload: health, usage, monitor and list without output never load it.

import { existsSync } from 'node:fs';
import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import type { Outputs, Report } from '../report/report.js';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import { commonFolder, isPlainFile } from '../shared/files.js';
import type { Logger } from '../shared/log.js';
import { encryptReportCsv } from './encrypt.js';

/** What delivering a CSV reads of the options. */
export type ArtifactOptions = Pick<
  Options,
  | 'command'
  | 'uploadArtifact'
  | 'encryptTo'
  | 'allowPublicArtifact'
  | 'artifactName'
  | 'artifactNameGiven'
  | 'overwriteArtifact'
  | 'retentionDays'
  | 'auditLog'
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
  /** Deletes this run's artifact of that name (throws ArtifactNotFoundError when there is none). */
  deleteArtifact?(name: string): Promise<unknown>;
}

/** Makes the artifact client; called only when a CSV is to be uploaded. */
export type ArtifactClientFactory = () => Promise<ArtifactUploader>;

/**
 * What may become of an artifact of the same name already in this run (a job's re-run attempt is
 * the same run: the service refuses a second artifact of one name with 409 Conflict).
 */
export interface SameName {
  /** overwrite-artifact: it is deleted first, as actions/upload-artifact's `overwrite` does. */
  overwrite: boolean;
  /**
   * It is an earlier attempt's of this step (the default name) and this CSV holds every key it
   * did (a batch re-run re-exports them, a list lists anew): this upload replaces it.
   */
  supersedes: boolean;
}

/**
 * The rule for `reports` (one per server): a re-run attempt replaces its earlier attempt's artifact
 * (the default name is the same in every attempt of a step) only when every CSV holds every key the
 * earlier one did; `overwrite-artifact: true` replaces any artifact of the name.
 */
export function sameNameRule(
  options: Pick<Options, 'command' | 'artifactNameGiven' | 'overwriteArtifact'>,
  context: Pick<RunContext, 'attempt'>,
  reports: readonly Report[],
): SameName {
  // A list lists every key anew; a batch says whether it exported the earlier attempt's keys again.
  const covers = reports.every((r) => options.command === 'list' || r.coversEarlierAttempts === true);
  return {
    overwrite: options.overwriteArtifact,
    supersedes: !options.artifactNameGiven && context.attempt > 1 && covers,
  };
}

/** Numbered names tried when the name is taken and its artifact must stay: `<name>-2` … */
const LAST_NUMBERED_NAME = 20;

/** The service's answer to a second artifact of one name (CreateArtifact, 409 Conflict). */
const nameTaken = (error: unknown) => error instanceof Error && /\(409\)|already exists/i.test(error.message);

/** Deletes this run's artifact `name`; undefined when done (or there was none), else why not. */
async function deleteArtifactNamed(client: ArtifactUploader, name: string): Promise<string | undefined> {
  if (!client.deleteArtifact) return 'this artifact client cannot delete';
  try {
    await client.deleteArtifact(name);
    return undefined;
  } catch (error) {
    if (error instanceof Error && error.name === 'ArtifactNotFoundError') return undefined;
    return errorMessage(error);
  }
}

/**
 * Uploads under `name`; when the run already has an artifact of that name, replaces it as `sameName`
 * allows, else uploads under the first free `<name>-2`, `<name>-3`… and says so (never fails the
 * step after its keys were made, never deletes keys the new CSV lacks).
 */
async function uploadUnderFreeName(
  client: ArtifactUploader,
  name: string,
  upload: (name: string) => Promise<{ id?: number; digest?: string }>,
  sameName: SameName,
  log: Logger,
): Promise<{ name: string; result: { id?: number; digest?: string } }> {
  let deleteFailure = sameName.overwrite ? await deleteArtifactNamed(client, name) : undefined;
  try {
    return { name, result: await upload(name) };
  } catch (error) {
    if (!nameTaken(error)) throw error;
  }
  if (sameName.supersedes && !sameName.overwrite) {
    deleteFailure = await deleteArtifactNamed(client, name);
    try {
      const result = await upload(name);
      log.info(`Replaced the earlier attempt's artifact ${name}: this attempt's CSV holds every key it held.`);
      return { name, result };
    } catch (error) {
      if (!nameTaken(error)) throw error;
    }
  }
  for (let n = 2; n <= LAST_NUMBERED_NAME; n++) {
    try {
      const result = await upload(`${name}-${n}`);
      const kept = deleteFailure
        ? ` that could not be deleted (${deleteFailure})`
        : ', which may hold keys this CSV does not';
      log.warning(
        `This run already has an artifact ${name} (an earlier attempt's, or another step's of that name)${kept}` +
          `: uploaded as ${name}-${n} instead${sameName.overwrite ? '' : ' (overwrite-artifact: true replaces it)'}.`,
      );
      return { name: `${name}-${n}`, result };
    } catch (error) {
      if (!nameTaken(error)) throw error;
    }
  }
  throw new QuotaKeysError(
    `this run already has artifacts named ${name} and ${name}-2 to ${name}-${LAST_NUMBERED_NAME}`,
  );
}

/** Uploads the files (the CSV, the audit log), zipped under their names. */
export async function uploadFileArtifact(
  files: readonly string[],
  options: Pick<Options, 'artifactName' | 'retentionDays'>,
  context: Pick<RunContext, 'runId'>,
  env: NodeJS.ProcessEnv,
  how: { sameName: SameName; log: Logger },
  createClient: ArtifactClientFactory,
): Promise<UploadedArtifact> {
  const { retentionDays } = options;
  const client = await createClient();
  const root = commonFolder(files);
  const { name, result } = await uploadUnderFreeName(
    client,
    options.artifactName,
    (as) => client.uploadArtifact(as, [...files], root, { retentionDays }),
    how.sameName,
    how.log,
  );
  if (result.id === undefined) throw new QuotaKeysError('the artifact service returned no artifact id');
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

/** The artifact outputs of an upload (`artifact-name`: a taken name may have been numbered). */
export function artifactOutputs(artifact: UploadedArtifact): Outputs {
  return {
    'artifact-name': artifact.name,
    'artifact-id': String(artifact.id),
    'artifact-url': artifact.url,
    'artifact-digest': artifact.digest,
  };
}

/**
 * After the command: encrypt the CSV when `encrypt-to` is set, then upload it with the audit log
 * beside it (also when the command failed: a batch that ended short still hands over the keys it
 * created, and the audit says what happened). A command without a CSV (delete, reset) uploads the
 * audit log alone. Sets the artifact outputs and facts; returns a failure line, or undefined.
 */
export async function deliverCsv(
  report: Report,
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
      return errorMessage(error); // nothing uploaded: it would be plaintext
    }
  }
  const files = [...(hasCsv ? [report.csvPath!] : []), ...(audit ? [audit] : []), ...(dashboard ? [dashboard] : [])];
  const shown = files.join(' and ');
  const what = hasCsv ? 'the CSV' : audit ? 'the audit log' : 'the dashboard';
  // The summary says where the keys are when no artifact holds them.
  const onRunner = (why: string) => report.facts.set('artifact', `none (${why}): ${what} stays on the runner`);
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
    const sameName = sameNameRule(options, context, [report]);
    artifact = await uploadFileArtifact(files, options, context, env, { sameName, log }, createClient);
  } catch (error) {
    const message = errorMessage(error);
    const where = hasCsv
      ? `The keys are only on the runner, at ${files[0]}.`
      : `${what} is on the runner, at ${files[0]}.`;
    return `Uploading ${what} as artifact "${options.artifactName}" failed: ${message}. ${where}`;
  }
  Object.assign(report.outputs, artifactOutputs(artifact));
  const days = `${artifact.retentionDays} day${artifact.retentionDays === 1 ? '' : 's'}`;
  report.facts
    .set('artifact', `${artifact.name} (kept ${days}${options.encryptTo.length > 0 ? ', age-encrypted' : ''})`)
    .set('artifact_url', artifact.url);
  log.info(`Uploaded ${shown} as artifact ${artifact.name} (id ${artifact.id}, kept ${days}): ${artifact.url}`);
  return undefined;
}
