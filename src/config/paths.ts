// The files a run writes (output, audit-log, dotenv), checked before any request: a path the run
// could not write, would write through a symbolic link it did not make, or that the artifact
// uploader refuses is bad input, found before a key exists that would then be stranded.
import { accessSync, closeSync, constants, existsSync, lstatSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  ARTIFACT_PATH_CHARACTERS,
  ARTIFACT_PATH_FORBIDDEN,
  linkOnTheWay,
  notReplaceable,
  refusedInArtifact,
} from '../shared/files.js';
import { COMMAND_SPECS, type Command } from './commands.js';
import { compactDate, type RunContext } from './context.js';
import { InputError } from './input-error.js';

/** Whether anything is at `file`, a dangling symbolic link too. */
const taken = (file: string) => lstatSync(file, { throwIfNoEntry: false }) !== undefined;

/** Refuses `file` when writing it would go through a symbolic link (the file, or a folder in the workspace). */
function refuseLink(input: string, shown: string, file: string, context: RunContext, instead: string): void {
  const link = linkOnTheWay(file, context.workspace);
  if (link)
    throw new InputError(
      input,
      shown,
      `${link} is a symbolic link, and the run writes no file through a link it did not make; ${instead}`,
    );
}

/**
 * The CSV path. A given path must name a file (not a folder); the default never replaces a CSV
 * already there (a second step of the same job), it counts up instead.
 */
export function parseOutput(raw: string, context: RunContext): string {
  if (raw) {
    const file = path.resolve(context.workspace, raw);
    if (/[\\/]$/.test(raw) || (existsSync(file) && statSync(file).isDirectory())) {
      throw new InputError(
        'output',
        raw,
        'expected a file path for the CSV, not a folder (such as keys/trial-keys.csv)',
      );
    }
    refuseLink('output', raw, file, context, 'remove it or give another path');
    const refusal = notReplaceable(file);
    if (refusal) throw new InputError('output', raw, `expected a path for a regular file: ${refusal}`);
    // Keys created and then unwritable would be lost: the nearest existing folder must take files.
    let dir = path.dirname(file);
    while (!existsSync(dir)) dir = path.dirname(dir);
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      accessSync(dir, constants.W_OK);
    } catch {
      throw new InputError(
        'output',
        raw,
        `expected a path the CSV can be written to (${dir} is not a writable folder)`,
      );
    }
    return file;
  }
  const stem = path.resolve(context.workspace, `trial-keys-${compactDate(context.now)}-${context.runId}`);
  let file = `${stem}.csv`;
  for (let n = 2; taken(file); n++) file = `${stem}-${n}.csv`;
  return file;
}

/**
 * usage --html: the dashboard's path. A folder, a FIFO, a device or a symbolic link is refused, and
 * a file is created and removed where it goes (or in the nearest folder there is), so a path that
 * cannot take it is refused before any request. The action writes one by default for days > 1;
 * `none`: never.
 */
export function parseHtml(raw: string, command: Command, days: number, context: RunContext): string | undefined {
  if (raw === 'none') return undefined;
  if (!raw) {
    if (context.platform !== 'github' || command !== 'usage' || days < 2) return undefined;
    const stem = path.resolve(context.workspace, `usage-dashboard-${context.runId}`);
    let file = `${stem}.html`;
    for (let n = 2; taken(file); n++) file = `${stem}-${n}.html`;
    return file;
  }
  if (command !== 'usage') throw new InputError('html', raw, `only usage writes a dashboard, not ${command}`);
  const file = path.resolve(context.workspace, raw);
  if (/[\\/]$/.test(raw) || (existsSync(file) && statSync(file).isDirectory()))
    throw new InputError('html', raw, 'expected a file path for the dashboard, not a folder (such as usage.html)');
  refuseLink('html', raw, file, context, 'remove it or give another path');
  const refusal = notReplaceable(file, 'the dashboard');
  if (refusal) throw new InputError('html', raw, `expected a path for a regular file: ${refusal}`);
  let dir = path.dirname(file);
  while (!existsSync(dir)) dir = path.dirname(dir);
  const probe = path.join(dir, `.quota-keys-probe-${process.pid}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(
      'html',
      raw,
      `the dashboard cannot be written there (${reason} in ${dir}); expected a writable folder`,
    );
  }
  return file;
}

/** The audit log's file name in CI, next to the CSV (it goes into the same artifact). */
export const DEFAULT_AUDIT_LOG = 'quota-keys-audit.jsonl';

/** The audit log: as given; in CI (GitHub, GitLab) else quota-keys-audit.jsonl beside the CSV; `none`: off. */
export function parseAuditLog(raw: string, command: Command, dryRun: boolean, output: string, context: RunContext) {
  if (!COMMAND_SPECS[command].writes || dryRun || raw === 'none') return undefined;
  if (!raw) {
    if (context.platform === 'cli') return undefined;
    const file = path.join(path.dirname(output), DEFAULT_AUDIT_LOG);
    const shown = path.relative(context.workspace, file) || file;
    refuseLink('audit-log', shown, file, context, 'remove it, or set audit-log to another path (or none)');
    return file;
  }
  const file = path.resolve(context.workspace, raw);
  refuseLink('audit-log', raw, file, context, 'remove it or give another path');
  if (/[\\/]$/.test(raw) || (existsSync(file) && !statSync(file).isFile()))
    throw new InputError(
      'audit-log',
      raw,
      'expected a path for a regular file (such as quota-keys-audit.jsonl), or none',
    );
  return file;
}

/**
 * The CSV and the audit log as the artifact holds them (under the deepest folder of both): a path
 * there that the uploader refuses is bad input now, not a failed upload after the keys exist.
 */
export function checkArtifactPaths(files: { output: string; auditLog?: string }, raw: (name: string) => string) {
  const refused = refusedInArtifact([files.output, ...(files.auditLog ? [files.auditLog] : [])]);
  if (refused === undefined) return;
  const input = refused === files.output ? 'output' : 'audit-log';
  throw new InputError(
    input,
    raw(input) || path.basename(refused),
    `expected a path without ${ARTIFACT_PATH_CHARACTERS} where the artifact holds it ` +
      '(the artifact uploader refuses them; Windows cannot hold them)',
  );
}

/**
 * The dotenv file (GitLab's `reports: dotenv`): a regular file or nothing, not through a link, a name
 * the artifact takes. `within`: the job's directory.
 */
export function checkDotenv(file: string, shown: string, within: string): void {
  const link = linkOnTheWay(file, within);
  if (link)
    throw new InputError(
      'dotenv',
      shown,
      `${link} is a symbolic link, and the run writes no file through a link it did not make; remove it or ` +
        'give another path',
    );
  if (ARTIFACT_PATH_FORBIDDEN.test(path.basename(file)))
    throw new InputError('dotenv', shown, `expected a file name without ${ARTIFACT_PATH_CHARACTERS}`);
  if (existsSync(file) && !statSync(file).isFile())
    throw new InputError('dotenv', shown, 'expected a path for a regular file, such as quota-keys.env');
}
