// The keys CSV: rows streamed as keys arrive, written to a private temp file and renamed into place
// at the end, so a reader never sees half a file and nobody else on the runner can read it. The temp
// file is created when the writer is made, before any key exists: a path that cannot take the CSV
// fails the run before anything is created. The rows: ./csv-rows.ts (csv-stringify), loaded by the first writer.
import { createWriteStream, existsSync, mkdirSync, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { TrialKey } from '../quota-proxy/types.js';
import type { Limit } from '../report/limit.js';
import { drainedOf } from '../shared/drain.js';
import { notReplaceable } from '../shared/files.js';

/**
 * The old tool's columns first, in its order; then what else the server told us; then the count the
 * batch was asked for (batch only), which `batch --resume` completes the file to; then where the
 * daily_limit came from (key, given, learned, assumed).
 */
export const CSV_COLUMNS = [
  'label',
  'key',
  'daily_limit',
  'created_at',
  'expires_at',
  'tier',
  'used_today',
  'status',
  'server',
  'batch_count',
  'daily_limit_source',
] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

export interface RowExtras {
  /** The key's limit as every channel shows it (daily_limit, and where that number came from). */
  limit?: Limit;
  tier?: string;
  server: string;
  /** batch: how many keys the batch was asked for. */
  batchCount?: number;
}

export function csvRow(key: TrialKey, extras: RowExtras): CsvRow {
  return {
    label: key.label,
    key: key.key,
    daily_limit: extras.limit?.kind === 'daily' ? String(extras.limit.value ?? 'unknown') : '',
    created_at: key.createdAt.toISOString(),
    expires_at: key.expiresAt ? key.expiresAt.toISOString() : '',
    tier: extras.tier ?? '',
    used_today: key.usedToday === undefined ? '' : String(key.usedToday),
    status: key.status ?? '',
    server: extras.server,
    batch_count: extras.batchCount === undefined ? '' : String(extras.batchCount),
    // key, given, learned or assumed (a server-wide limit v1 and v01 do not report); empty for lifetime quotas.
    daily_limit_source:
      extras.limit?.kind === 'daily' ? (extras.limit.value === undefined ? 'unknown' : extras.limit.source) : '',
  };
}

let rowWriter: Promise<typeof import('./csv-rows.js')> | undefined;
/**
 * Rows go to csv-stringify this many at a time (its sync API): a row at a time through its stream cost
 * a 3,000-key batch about 3 % of its CPU in stream machinery; larger groups raised the peak memory
 * (256 rows: +4 MB) and smaller ones cost more calls (docs/performance.md).
 */
const GROUP = 32;
/**
 * Their text goes to the file in pieces of this many characters: a row a write cost a 3,000-key batch
 * about 35 ms of CPU in the file stream's machinery.
 */
const PIECE = 64 * 1024;

export class CsvWriter {
  private readonly temp: string;
  private readonly file: WriteStream;
  private readonly finished: Promise<void>;
  private target: string;
  private readonly columns: readonly string[];
  /** Set once ./csv-rows.ts is loaded. */
  private csvText?: typeof import('./csv-rows.js')['csvText'];
  /** Rows not yet written as text (fewer than GROUP, unless ./csv-rows.ts is still loading). */
  private pending: string[][] = [];
  /** Their text not yet handed to the file (under PIECE characters). */
  private text = '';
  /** The header goes first, with the first group (or alone at close). */
  private headerWritten = false;
  private readonly ready: Promise<void>;
  /** Set once closed or discarded. */
  settled = false;
  rows = 0;

  /**
   * Creates the private temp file at once (throws when the path cannot take it: name too long, no
   * such folder, read-only…). `columns`: the keys CSV's, unless another table (usage --output).
   */
  constructor(path: string, columns: readonly string[] = CSV_COLUMNS) {
    this.target = path;
    mkdirSync(dirname(path), { recursive: true });
    this.temp = `${path}.${process.pid}.tmp`;
    // 'wx': never through a file or link someone else put at the temp path. Opened synchronously,
    // so an unusable path throws here, before any key exists, not later from the stream.
    const fd = openSync(this.temp, 'wx', 0o600);
    this.file = createWriteStream(this.temp, { fd, highWaterMark: 128 * 1024 });
    this.columns = columns;
    this.finished = new Promise((resolve, reject) => {
      this.file.on('finish', resolve).on('error', reject);
    });
    // Observed at close(); until then a write error must not end the process as unhandled.
    this.finished.catch(() => undefined);
    rowWriter ??= import('./csv-rows.js');
    this.ready = rowWriter.then(({ csvText }) => {
      this.csvText = csvText;
      if (this.pending.length >= GROUP) this.flush();
    });
    this.ready.catch(() => undefined);
  }

  /** Where the CSV is (or goes): the path asked for, or the fresh name it got when that path became unusable. */
  get path(): string {
    return this.target;
  }

  /** Queues the row; false when the buffer is full or still loading (then `drained()` before more rows). */
  write(row: CsvRow | Readonly<Record<string, string>>): boolean {
    this.rows += 1;
    this.pending.push(this.columns.map((column) => (row as Readonly<Record<string, string>>)[column] ?? ''));
    if (!this.csvText) return false;
    if (this.pending.length >= GROUP) this.flush();
    return !this.file.writableNeedDrain;
  }

  /**
   * The pending rows (the header first) as text, once csv-stringify is loaded; the text to the file
   * when it makes a piece, or whatever there is with `all`. Nothing once the file ended.
   */
  private flush(all = false): void {
    if (this.file.writableEnded) return;
    if (this.csvText && (this.pending.length > 0 || !this.headerWritten)) {
      this.text += this.csvText(this.pending, this.columns, !this.headerWritten);
      this.headerWritten = true;
      this.pending = [];
    }
    if (this.text.length >= PIECE || (all && this.text.length > 0)) {
      this.file.write(this.text);
      this.text = '';
    }
  }

  /** Resolves once the rows queued so far went to the file (a listing of 100,000 keys is not buffered whole). */
  async drained(): Promise<void> {
    await this.ready;
    this.flush(true);
    await drainedOf(this.file);
  }

  /**
   * Flushes and renames the file into place; returns its path. Without a row and unless
   * `keepEmpty`, nothing is put in place (a failed run never replaces a CSV with a header-only
   * one) and undefined is returned. Should something other than a regular file have appeared at the
   * path meanwhile, the CSV goes to a fresh name beside it instead.
   */
  async close({ keepEmpty = true }: { keepEmpty?: boolean } = {}): Promise<string | undefined> {
    if (this.settled) return existsSync(this.target) ? this.target : undefined;
    if (this.rows === 0 && !keepEmpty) {
      await this.discard();
      return undefined;
    }
    this.settled = true;
    await this.ready;
    this.flush(true); // the header alone if no row came
    this.file.end();
    await this.finished;
    if (notReplaceable(this.target)) {
      const stem = this.target.replace(/\.csv$/i, '');
      let n = 2;
      while (existsSync(`${stem}-${n}.csv`)) n += 1;
      this.target = `${stem}-${n}.csv`;
    }
    renameSync(this.temp, this.target);
    return this.target;
  }

  /** Drops the temp file (nothing was written that must be kept). */
  async discard(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    this.pending = [];
    this.text = '';
    this.file.end();
    await this.finished.catch(() => undefined);
    rmSync(this.temp, { force: true });
  }
}
