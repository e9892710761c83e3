// --json (CLI) and the action's `json` output: one JSON document per command, built from the
// RunReport alone, so every command and every fact or output added later is in it without a change
// here. Keys appear only as the commands show them (shortened); every string passes the Redactor.

import type { RunReport } from '../commands/contract.js';
import { EXIT_CODES } from './cli-help.js';

type Json = string | number | boolean | null | Json[] | { [name: string]: Json };

/** `Created (UTC)` → `created_utc`: names jq reads without quotes. */
export const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** A whole number written without leading zeros is a count: a number in JSON (labels stay strings). */
const factValue = (text: string): string | number => (/^(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : text);

/** The exit code's meaning, as the help's table starts it: `success`, `failure`, `bad input`, `alert`… */
export function exitMeaning(code: number): string {
  const meaning = EXIT_CODES.find((e) => e.code === code)?.meaning ?? 'failure';
  return meaning.split(/[:;]/)[0]!.trim();
}

function redactAll(value: Json, redact: (text: string) => string): Json {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactAll(v, redact));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v, redact)]));
  return value;
}

export interface DocumentStatus {
  command?: string;
  exitCode: number;
  /** Why the run failed, when the report does not say (bad input, a dotenv that could not be written). */
  failure?: string;
  /** At most this many rows (the action's output: a 10,000-key batch would not fit); `rowsOmitted` counts the rest. */
  maxRows?: number;
}

/** The document (see README "JSON output"); `report` is absent when the input was refused. */
export function reportDocument(
  report: RunReport | undefined,
  status: DocumentStatus,
  redact: (text: string) => string,
): Record<string, Json> {
  const summary = report?.summary;
  const outputs = report?.outputs ?? {};
  const facts = Object.fromEntries((summary?.facts ?? []).map(([name, value]) => [slug(name), factValue(value)]));
  const counts = Object.fromEntries(
    Object.entries(outputs)
      .filter(([name, value]) => (name.endsWith('-count') || name === 'alerts') && value !== '')
      .map(([name, value]) => [name.replace(/-count$/, ''), Number(value)]),
  );
  const head = summary?.table?.head.map(slug) ?? [];
  const allRows = summary?.table?.rows ?? [];
  const kept = allRows.slice(0, status.maxRows ?? allRows.length);
  const rows = kept.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i] ?? ''])));
  const failure = [report?.ok === false ? (report.failure ?? 'failed') : undefined, status.failure]
    .filter(Boolean)
    .join(' ');
  const document: Record<string, Json> = {
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
    outputs,
    rows,
    ...(kept.length < allRows.length ? { rowsOmitted: allRows.length - kept.length } : {}),
    alerts: (summary?.alerts ?? []) as Json[],
    ...(summary?.lines ? { lines: summary.lines } : {}),
  };
  return redactAll(document, redact) as Record<string, Json>;
}
