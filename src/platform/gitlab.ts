// GitLab CI: the CLI is the engine (gitlab/quota-keys.sh runs it); its outputs go to a dotenv file
// for `artifacts: reports: dotenv`, so later jobs get QUOTA_KEYS_CSV, QUOTA_KEYS_CREATED, …
// GitLab cannot mask values made at run time, so no output ever carries a key (none does).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_DOTENV = 'quota-keys.env';

/** Written even when empty, so later jobs can test them. */
const ALWAYS = ['csv-path', 'created-count', 'failed-count', 'healthy', 'flavor'] as const;

/** `csv-path` → QUOTA_KEYS_CSV, `created-count` → QUOTA_KEYS_CREATED, `artifact-id` → QUOTA_KEYS_ARTIFACT_ID. */
export function dotenvName(output: string): string {
  return `QUOTA_KEYS_${output.replace(/-(count|path)$/, '').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

/** Where the dotenv goes: `--dotenv FILE`, else quota-keys.env in GitLab jobs, else nowhere. */
export function dotenvPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  if (flag) return path.resolve(cwd, flag);
  return env.GITLAB_CI === 'true' ? path.resolve(cwd, DEFAULT_DOTENV) : undefined;
}

/**
 * The dotenv text: one `NAME=value` per line, unquoted (GitLab keeps quotes as part of the value),
 * no blank lines or comments (GitLab rejects the file), no line breaks inside values. The CSV
 * path is relative to `cwd` when inside it, so it still holds in a later job with another
 * checkout directory.
 */
export function dotenvText(outputs: Readonly<Record<string, string>>, cwd = process.cwd()): string {
  const values: Record<string, string> = Object.fromEntries(ALWAYS.map((name) => [name, '']));
  Object.assign(values, outputs);
  const csv = values['csv-path'];
  if (csv && path.isAbsolute(csv)) {
    const relative = path.relative(cwd, csv);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) values['csv-path'] = relative;
  }
  return Object.entries(values)
    .map(([name, value]) => `${dotenvName(name)}=${value.replace(/[\r\n]+/g, ' ').trim()}\n`)
    .join('');
}

/** Writes the dotenv; `quiet` (on the way out of a failed run) ignores a file that cannot be written. */
export function writeDotenv(file: string, outputs: Readonly<Record<string, string>>, { quiet = false, cwd = process.cwd() } = {}): void {
  try {
    writeFileSync(file, dotenvText(outputs, cwd));
  } catch (error) {
    if (!quiet) throw new Error(`Could not write the dotenv file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
