// The keys CSV: rows streamed as keys arrive, written to a private temp file and renamed into place
// at the end, so a reader never sees half a file and nobody else on the runner can read it.
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { stringify, type Stringifier } from 'csv-stringify';
import type { TrialKey } from './quota-proxy/types.js';

/** The seed tool's columns first, in its order; then what else the server told us. */
export const CSV_COLUMNS = ['label', 'key', 'daily_limit', 'created_at', 'expires_at', 'tier', 'used_today', 'status', 'server'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading quote. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface RowExtras {
  /** A number, or `unknown` where the server applies a limit it does not report (v1, v01). */
  dailyLimit?: number | string;
  tier?: string;
  server: string;
}

export function csvRow(key: TrialKey, extras: RowExtras): CsvRow {
  return {
    label: key.label,
    key: key.key,
    daily_limit: String(key.dailyLimit ?? extras.dailyLimit ?? ''),
    created_at: key.createdAt.toISOString(),
    expires_at: key.expiresAt ? key.expiresAt.toISOString() : '',
    tier: extras.tier ?? '',
    used_today: key.usedToday === undefined ? '' : String(key.usedToday),
    status: key.status ?? '',
    server: extras.server,
  };
}

export class CsvWriter {
  private readonly temp: string;
  private readonly file: WriteStream;
  private readonly stringifier: Stringifier;
  private readonly finished: Promise<void>;
  rows = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(this.path), { recursive: true });
    this.temp = `${this.path}.${process.pid}.tmp`;
    // 'wx': never through a file or link someone else put at the temp path.
    this.file = createWriteStream(this.temp, { mode: 0o600, flags: 'wx' });
    this.stringifier = stringify({
      header: true,
      columns: [...CSV_COLUMNS],
      record_delimiter: 'windows',
      // The key is the server's, byte for byte; every other text cell may come from people.
      cast: { string: (value, context) => (context.column === 'key' ? value : neutraliseFormula(value)) },
    });
    this.finished = new Promise((resolve, reject) => {
      this.file.on('finish', resolve).on('error', reject);
      this.stringifier.on('error', reject);
    });
    // Observed at close(); until then a write error must not end the process as unhandled.
    this.finished.catch(() => undefined);
    this.stringifier.pipe(this.file);
  }

  write(row: CsvRow): void {
    this.rows += 1;
    this.stringifier.write(row);
  }

  /** Flushes and renames the file into place; returns its path. */
  async close(): Promise<string> {
    this.stringifier.end();
    await this.finished;
    renameSync(this.temp, this.path);
    return this.path;
  }

  /** Drops the temp file (nothing was written that must be kept). */
  async discard(): Promise<void> {
    this.stringifier.end();
    await this.finished.catch(() => undefined);
    rmSync(this.temp, { force: true });
  }
}
