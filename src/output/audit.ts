// The audit trail: one JSON line per write's outcome (a key created, deleted, reset, a
// create that failed or whose outcome is unknown), appended the moment the outcome is known, so a
// kill -9 leaves every earlier line. A key appears only as its fingerprint (the first 12 hex of its
// SHA-256); the token never; the file is created 0600. Dry runs write none (they send no write).

import {
  accessSync,
  appendFileSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  lstatSync,
  mkdirSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { RunOrigin } from '../config/context.js';
import { nodeCrypto } from '../shared/builtins.js';
import { errorMessage } from '../shared/errors.js';
import { openNoFollow } from '../shared/files.js';
import { jsonText } from '../shared/neutralise.js';
import { Redactor } from '../shared/redact.js';

/** What became of one write. */
export type AuditOutcome =
  | 'created'
  | 'deleted'
  | 'reset'
  | 'failed'
  | 'unknown'
  | 'not found'
  | 'already gone'
  | 'nothing to reset';

export interface AuditEvent {
  label?: string;
  /** The full key: only its fingerprint is written. */
  key?: string;
  outcome: AuditOutcome;
  /** Why it failed, or what it did besides (a day-wide reset). Redacted before it is written. */
  reason?: string;
}

/** Where the commands report a write's outcome (CommandContext.audit). */
export type Audit = (event: AuditEvent) => void;

/** The first 12 hex characters of the key's SHA-256: tells keys apart, gives nothing of them away. */
export function fingerprint(key: string): string {
  return nodeCrypto().createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export interface AuditRun {
  command: string;
  /** The server's URL, credentials already redacted. */
  server: string;
  origin: RunOrigin;
  /** The admin token: masked wherever it might appear (a label, a server's reason). */
  token?: string;
}

/** The audit file of one run; `record` appends one line at once. */
export class AuditLog {
  private readonly redactor = new Redactor();
  /** Lines this run appended. */
  lines = 0;
  private failed = false;

  /**
   * Checked before any request: a path that cannot take the file throws here. The file is created
   * (0600) with its first line, so a run that wrote nothing leaves none.
   */
  constructor(
    readonly file: string,
    private readonly run: AuditRun,
    private readonly warn: (message: string) => void,
  ) {
    this.redactor.addSecret(run.token);
    const stat = lstatSync(file, { throwIfNoEntry: false });
    // A link (say, committed at the default path) would have an outside file chmod-ed, appended to, uploaded.
    if (stat?.isSymbolicLink()) throw new Error('a symbolic link, never written through');
    if (stat) {
      if (!stat.isFile()) throw new Error('not a regular file');
      // An existing file keeps its lines, but not a mode that lets others read them.
      const fd = openNoFollow(file, { append: true, mode: 0o600 });
      try {
        fchmodSync(fd, 0o600);
      } finally {
        closeSync(fd);
      }
      return;
    }
    let dir = path.dirname(file);
    while (!existsSync(dir)) dir = path.dirname(dir);
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
    accessSync(dir, constants.W_OK);
  }

  record(event: AuditEvent): void {
    if (event.key) this.redactor.addKey(event.key);
    const line = {
      time: new Date().toISOString(),
      actor: this.run.origin.actor,
      ...(this.run.origin.runUrl ? { runUrl: this.run.origin.runUrl } : {}),
      command: this.run.command,
      server: this.run.server,
      ...(event.label !== undefined ? { label: event.label } : {}),
      ...(event.key ? { fingerprint: fingerprint(event.key) } : {}),
      outcome: event.outcome,
      ...(event.reason ? { reason: event.reason } : {}),
    };
    try {
      if (this.lines === 0) mkdirSync(path.dirname(this.file), { recursive: true });
      const fd = openNoFollow(this.file, { append: true, mode: 0o600 });
      try {
        appendFileSync(fd, `${this.redactor.redact(jsonText(line))}\n`);
      } finally {
        closeSync(fd);
      }
      this.lines += 1;
    } catch (error) {
      // The keys are in the CSV whatever happens here: a full disk must not stop the run, only be said.
      if (!this.failed) this.warn(`Could not append to the audit log ${this.file}: ${errorMessage(error)}`);
      this.failed = true;
    }
  }
}
