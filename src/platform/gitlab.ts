// GitLab CI: the CLI is the engine (gitlab/quota-keys.sh runs it); its outputs go to a dotenv file
// for `artifacts: reports: dotenv`, so later jobs get QUOTA_KEYS_CSV, QUOTA_KEYS_CREATED, …
// GitLab cannot mask values made at run time, so no output ever carries a key (none does).
import { closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gitlabJobDirectory, isGitlabJob } from '../config/context.js';
import { checkDotenv } from '../config/paths.js';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import { openNoFollow } from '../shared/files.js';
import { dotenvValue } from '../shared/neutralise.js';

export const DEFAULT_DOTENV = 'quota-keys.env';

/** Written even when empty, so later jobs can test them. */
const ALWAYS = ['csv-path', 'created-count', 'failed-count', 'healthy', 'flavor'] as const;

/** `csv-path` → QUOTA_KEYS_CSV, `created-count` → QUOTA_KEYS_CREATED, `artifact-id` → QUOTA_KEYS_ARTIFACT_ID. */
export function dotenvName(output: string): string {
  return `QUOTA_KEYS_${output
    .replace(/-(count|path)$/, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()}`;
}

/**
 * Where the dotenv goes: `--dotenv FILE`, else quota-keys.env in GitLab jobs, else nowhere. In a
 * GitLab job a relative FILE is taken from the job's directory (as `reports: dotenv:` is), so the
 * file is where GitLab collects it even after a `cd`.
 */
export function dotenvPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  const base = isGitlabJob(env) ? gitlabJobDirectory(env, cwd).dir : cwd;
  if (flag) return path.resolve(base, flag);
  return isGitlabJob(env) ? path.resolve(base, DEFAULT_DOTENV) : undefined;
}

/** dotenvPath, checked before any request (InputError): not through a symbolic link, a name the artifact takes. */
export function checkedDotenvPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()) {
  const file = dotenvPath(flag, env, cwd);
  if (file) checkDotenv(file, flag || DEFAULT_DOTENV, isGitlabJob(env) ? gitlabJobDirectory(env, cwd).dir : cwd);
  return file;
}

/**
 * What a GitLab job should be told about where its files went: a file outside the job's
 * directory is not collected as an artifact, which GitLab itself reports only as a warning.
 */
export function artifactWarnings(files: Readonly<Record<string, string | undefined>>, jobDir: string): string[] {
  const warnings: string[] = [];
  for (const [what, file] of Object.entries(files)) {
    if (!file) continue;
    const relative = path.relative(jobDir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      warnings.push(
        `the ${what} ${file} is outside the job's directory ${jobDir}: GitLab collects artifacts only from ` +
          `inside it, so it will not be in the job's artifacts. Give a path inside it.`,
      );
    }
  }
  return warnings;
}

/**
 * The dotenv text: one `NAME=value` per line, unquoted (GitLab keeps quotes as part of the value),
 * no blank lines or comments (GitLab rejects the file), no line breaks inside values. The CSV
 * path is relative to `cwd` when inside it, so it still holds in a later job with another
 * checkout directory. Each value is redacted: the file is an artifact and later jobs' variables, and
 * `results` holds each server's failure as it happened (a request target naming a key whole).
 */
export function dotenvText(
  outputs: Readonly<Record<string, string>>,
  cwd = process.cwd(),
  redact: (text: string) => string = (text) => text,
): string {
  const values: Record<string, string> = Object.fromEntries(ALWAYS.map((name) => [name, '']));
  Object.assign(values, outputs);
  const csv = values['csv-path'];
  if (csv && path.isAbsolute(csv)) {
    const relative = path.relative(cwd, csv);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) values['csv-path'] = relative;
  }
  return Object.entries(values)
    .map(([name, value]) => `${dotenvName(name)}=${dotenvValue(redact(value))}\n`)
    .join('');
}

/**
 * Writes the dotenv; `quiet` (on the way out of a failed run) does not throw for a file that cannot
 * be written but returns what went wrong, for the caller to say.
 */
export function writeDotenv(
  file: string,
  outputs: Readonly<Record<string, string>>,
  { redact, quiet = false, cwd = process.cwd() }: { redact: (text: string) => string; quiet?: boolean; cwd?: string },
): string | undefined {
  try {
    // Never through a symbolic link put at its path (checked up front; O_NOFOLLOW for one put there since).
    const fd = openNoFollow(file, { append: false, mode: 0o666 });
    try {
      writeFileSync(fd, dotenvText(outputs, cwd, redact));
    } finally {
      closeSync(fd);
    }
    return undefined;
  } catch (error) {
    const message = `Could not write the dotenv file ${file}: ` + `${errorMessage(error)}`;
    if (!quiet) throw new QuotaKeysError(message);
    return message;
  }
}
