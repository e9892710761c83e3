// --json (CLI) and the action's `json` output: one JSON document per command, read from the report
// model, so every fact, output and row a command reports is in it without a change here. Rows hold
// keys only shortened (the CSV is the one channel for whole keys) and typed values (numbers as
// numbers, a limit with its source). Strings are redacted; the text is shared/neutralise.ts jsonText
// (no `##[`, nothing invisible), so printed on stdout or echoed into a log it starts no command.
// The CLI streams the rows as they come ({"rows":[…],…}); the action keeps the first 1,000.
import { EXIT_CODES } from '../config/exit-codes.js';
import type { Report, RowSink } from '../report/report.js';
import type { Json, TableSpec } from '../report/tables.js';
import { jsonText } from '../shared/neutralise.js';

type Redact = (text: string) => string;

/** The exit code's meaning, as the help's table starts it: `success`, `failure`, `bad input`, `alert`… */
export function exitMeaning(code: number): string {
  const meaning = EXIT_CODES.find((e) => e.code === code)?.meaning ?? 'failure';
  return meaning.split(/[:;]/)[0]!.trim();
}

function redactAll(value: Json, redact: Redact): Json {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactAll(v, redact));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v, redact)]));
  return value;
}

/** One row as JSON: each column's id and its typed value, redacted. */
export function rowJson(spec: TableSpec<never>, row: unknown, redact: Redact): Json {
  const object = Object.fromEntries(
    spec.columns.map((c) => [c.id, c.json ? c.json(row as never) : c.text(row as never)] as [string, Json]),
  );
  return redactAll(object, redact);
}

export interface DocumentStatus {
  command?: string;
  exitCode: number;
  /** Why the run failed, when the report does not say (bad input, a dotenv that could not be written). */
  failure?: string;
}

/** Everything but the rows (see docs/commands.md "JSON output"); `report` is absent when the input was refused. */
export function documentFields(report: Report | undefined, status: DocumentStatus, redact: Redact): Json {
  const facts = Object.fromEntries((report?.facts.list() ?? []).map((f) => [f.name, f.value]));
  const outputs = report?.outputs ?? {};
  const counts = Object.fromEntries(
    Object.entries(outputs)
      .filter(([name, value]) => (name.endsWith('-count') || name === 'alerts') && value !== '')
      .map(([name, value]) => [name.replace(/-count$/, ''), Number(value)]),
  );
  const failure = [report?.ok === false ? (report.failure ?? 'failed') : undefined, status.failure]
    .filter(Boolean)
    .join(' ');
  const document: Json = {
    command: status.command ?? null,
    ok: status.exitCode === 0,
    exitCode: status.exitCode,
    exit: exitMeaning(status.exitCode),
    ...(failure ? { failure } : {}),
    ...(report?.cancelled ? { cancelled: report.cancelled } : {}),
    server: (facts.server as string | undefined) ?? null,
    flavor: outputs.flavor || null,
    healthy: outputs.healthy === 'true' ? true : outputs.healthy === 'false' ? false : null,
    day: (facts.day as string | undefined) ?? null,
    dryRun: 'dry_run' in facts,
    csvPath: report?.csvPath ?? (outputs['csv-path'] || null),
    counts,
    facts,
    outputs: outputs as Json,
    alerts: (report?.alerts ?? []) as unknown as Json,
    ...(report?.days ? { days: report.days as unknown as Json } : {}),
    table: report?.table?.kind ?? null,
    rowCount: report?.rows ?? 0,
  };
  return redactAll(document, redact);
}

/**
 * The most bytes of rows the whole document holds: a job's outputs hold 1 MB in all, and a row's
 * labels are the server's, of any length (1,000 rows of 60,000-character labels would be 60 MB).
 */
const DOCUMENT_ROWS_MAX_BYTES = 800_000;

/** The whole document at once, with at most `rows` (the action's output), and the rows that fit its size. */
export function reportDocument(
  report: Report | undefined,
  status: DocumentStatus,
  redact: Redact,
  kept: { rows: unknown[]; omitted: number } = { rows: [], omitted: 0 },
): string {
  const fields = documentFields(report, status, redact) as Record<string, Json>;
  const spec = report?.table;
  const rows: Json[] = [];
  let bytes = 0;
  for (const row of spec ? kept.rows : []) {
    const json = rowJson(spec!, row, redact);
    bytes += Buffer.byteLength(jsonText(json)) + 1;
    if (bytes > DOCUMENT_ROWS_MAX_BYTES) break;
    rows.push(json);
  }
  const omitted = kept.omitted + (spec ? kept.rows.length - rows.length : 0);
  return jsonText({ ...fields, rows, ...(omitted > 0 ? { rowsOmitted: omitted } : {}) });
}

/**
 * The document on a stream, rows first, each written as it comes: `{"rows":[…],"command":…}`.
 * `finish` writes the rest once the report is complete (or `refused` when there was no run).
 */
export class JsonStream implements RowSink {
  private spec?: TableSpec<never>;
  private started = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly redact: Redact,
  ) {}

  open(table: TableSpec<never>): void {
    this.spec = table;
  }

  row(row: unknown): void {
    this.write(`${this.started ? ',' : '{"rows":['}${jsonText(rowJson(this.spec!, row, this.redact))}`);
    this.started = true;
  }

  finish(report: Report | undefined, status: DocumentStatus): void {
    if (!this.started) this.write('{"rows":[');
    const rest = jsonText(documentFields(report, status, this.redact)).slice(1);
    this.write(`]${rest === '}' ? '}' : `,${rest}`}\n`);
  }
}
