// One run report as GitHub job-summary markdown: what failed and what to do first, then what
// started the run, the facts, where the keys are (CSV, artifact, a ready download command), charts,
// and the table, cut to its first and last rows. A function of one report, so a layer running
// several servers renders one section per server.
import path from 'node:path';
import type { RunReport } from '../commands/contract.js';
import { markdownText } from '../shared/neutralise.js';
import { shellQuote } from '../shared/text.js';

/** Rows shown at each end of a long table. */
export const TABLE_ENDS = 10;

export interface SummaryWhere {
  /** What started the run (RunContext.triggerText). */
  trigger?: string;
  /** The CSV is shown relative to it. */
  workspace?: string;
  /** For the download command; `repository` (owner/name) makes it work outside a checkout. */
  runId?: string;
  artifactName?: string;
  repository?: string;
  /** Failures of the step besides the report's own (artifact delivery). */
  failures?: string[];
  /** What to do about the failure, when its message does not say (markdown, ours: not escaped). */
  advice?: string;
  /** Rows shown at each end of a long table (default TABLE_ENDS). */
  ends?: number;
  /** The run's redactor, applied to every value before it is escaped. */
  redact?: (text: string) => string;
}

/**
 * Every value, cell and failure line is text, never Markdown of its own (shared/neutralise.ts):
 * redacted first (the redactor knows keys as they are), then escaped.
 */
type Escape = (text: string) => string;
const cellEscape =
  (redact: Escape): Escape =>
  (text) =>
    markdownText(redact(text));

/** A path inside the workspace, relative to it (as a release manager finds it in the checkout). */
export function relativeToWorkspace(file: string, workspace: string | undefined): string {
  if (!workspace || !path.isAbsolute(file)) return file;
  const relative = path.relative(workspace, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function failureLines(report: RunReport, where: SummaryWhere, escapeCell: Escape): string[] {
  const failures = [report.ok ? undefined : (report.failure ?? 'failed'), ...(where.failures ?? [])].filter(
    (f): f is string => f !== undefined,
  );
  if (failures.length === 0) return [];
  const lines = failures.map((f) => `**❌ Failed:** ${escapeCell(f)}`);
  if (where.advice) lines.push(`**What to do:** ${where.advice}`);
  return lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]));
}

/** usage's dashboard, first thing: which artifact holds it (a link), else where it is. */
function dashboardLines(report: RunReport, escapeCell: Escape): string[] {
  const file = report.outputs['html-path'];
  const url = report.outputs['artifact-url'];
  if (!file) return [];
  const name = escapeCell(path.basename(file));
  return url
    ? [`**📊 Dashboard:** ${name}, in [the run's artifact](${url}) (unzip it and open the file in a browser)`, '']
    : [];
}

function downloadLines(report: RunReport, where: SummaryWhere): string[] {
  if (!report.outputs['artifact-id'] || !where.artifactName || !where.runId) return [];
  return [
    '',
    report.csvPath || !report.outputs['html-path'] ? 'Download the CSV:' : 'Download the dashboard:',
    '',
    '```sh',
    `gh run download ${shellQuote(where.runId)} -n ${shellQuote(where.artifactName)}` +
      (where.repository ? ` -R ${shellQuote(where.repository)}` : ''),
    '```',
  ];
}

/** The table: first and last `ends` rows with a count between when long; all rows otherwise. */
function tableLines(report: RunReport, ends: number, escapeCell: Escape): string[] {
  const table = report.summary.table;
  if (!table || table.rows.length === 0) return [];
  const { head, rows } = table;
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const lines = ['', row(head), `|${head.map(() => ' --- ').join('|')}|`];
  const total = Math.max(table.total ?? rows.length, rows.length);
  if (total <= 2 * ends + 1) return [...lines, ...rows.map(row)];
  // Rows kept only in part (list keeps the first ones): no last rows to show.
  const tail = total === rows.length ? rows.slice(-ends) : [];
  const more = total - ends - tail.length;
  const gap = `… ${more.toLocaleString('en-US')} more key${more === 1 ? '' : 's'} ${table.rest ?? 'not shown'}`;
  return [...lines, ...rows.slice(0, ends).map(row), row([gap, ...head.slice(1).map(() => '')]), ...tail.map(row)];
}

export function summaryMarkdown(report: RunReport, where: SummaryWhere = {}): string {
  const { summary } = report;
  const escapeCell = cellEscape(where.redact ?? ((text) => text));
  const lines = [`## ${escapeCell(summary.title)}`, ''];
  const failures = failureLines(report, where, escapeCell);
  if (failures.length > 0) lines.push(...failures, '');
  lines.push(...dashboardLines(report, escapeCell));
  if (where.trigger) lines.push(`- **Trigger:** ${escapeCell(where.trigger)}`);
  for (const [name, value] of summary.facts) {
    const shown = name === 'CSV' || name === 'Dashboard' ? relativeToWorkspace(value, where.workspace) : value;
    lines.push(`- **${name}:** ${escapeCell(shown)}`);
  }
  lines.push(...downloadLines(report, where));
  // Charts go above the table, which may be long.
  if (summary.markdown) lines.push('', summary.markdown);
  lines.push(...tableLines(report, where.ends ?? TABLE_ENDS, escapeCell));
  return `${lines.join('\n')}\n`;
}
