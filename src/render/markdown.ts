// The job summary (GitHub's GFM): what failed and what to do first, the figures a reader came for,
// what started the run and the rest of the facts, where the keys are (CSV, artifact, a ready
// download command), the charts, the daily figures, and the table cut to its first and last rows.
// A function of one report, so a run over several servers renders one section per server. Every
// value and cell is redacted, then escaped (shared/neutralise.ts markdownText); charts go through
// the Mermaid renderer.
import path from 'node:path';
import { type Fact, factText } from '../report/facts.js';
import type { Report } from '../report/report.js';
import { moreRows, peopleColumns } from '../report/tables.js';
import { markdownText } from '../shared/neutralise.js';
import { shellQuote } from '../shared/text.js';
import { mermaidChart } from './mermaid.js';
import { TABLE_ENDS, type TableEnds } from './rows.js';

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
  /** The run's redactor, applied to every value before it is escaped. */
  redact?: (text: string) => string;
}

/** The facts a reader of a usage report came for: shown first, the method after. */
const LEAD = new Set(['requests', 'requests_period', 'alerts', 'spikes', 'forecast', 'idle_keys']);
/** Paths shown relative to the workspace, as a release manager finds them in the checkout. */
const PATHS = new Set(['csv', 'dashboard']);

/** A path inside the workspace, relative to it. */
export function relativeToWorkspace(file: string, workspace: string | undefined): string {
  if (!workspace || !path.isAbsolute(file)) return file;
  const relative = path.relative(workspace, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

type Escape = (text: string) => string;

// GitHub drops a step's summary whole above 1 MiB, and server text (a label, an error body) has any
// length: each value is shown with at most VALUE_MAX characters of Markdown, each table cell (20
// rows a table) with CELL_MAX, so that no server decides whether the summary is shown.
const VALUE_MAX = 2000;
const CELL_MAX = 200;

/** Escaped Markdown cut to `max` characters and `…` (after a cut `\`, `…` is shown as it is). */
function cut(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  return `${markdown.slice(0, max).replace(/[\ud800-\udbff]$/, '')}…`;
}

function failureLines(report: Report, where: SummaryWhere, esc: Escape): string[] {
  const failures = [report.ok ? undefined : (report.failure ?? 'failed'), ...(where.failures ?? [])].filter(
    (f): f is string => f !== undefined,
  );
  if (failures.length === 0) return [];
  const lines = failures.map((f) => `**❌ Failed:** ${esc(f)}`);
  if (where.advice) lines.push(`**What to do:** ${where.advice}`);
  return [...lines.flatMap((l, i) => (i === 0 ? [l] : ['', l])), ''];
}

/** usage's dashboard, first thing: the artifact that holds it (a link). */
function dashboardLines(report: Report, esc: Escape): string[] {
  const file = report.outputs['html-path'];
  const url = report.outputs['artifact-url'];
  if (!file || !url) return [];
  const name = esc(path.basename(file));
  return [`**📊 Dashboard:** ${name}, in [the run's artifact](${url}) (unzip it and open the file in a browser)`, ''];
}

function factLine(fact: Fact, where: SummaryWhere, esc: Escape): string {
  const text = factText(fact.value);
  const shown = PATHS.has(fact.name) ? relativeToWorkspace(text, where.workspace) : text;
  return `- **${fact.label}:** ${esc(shown)}`;
}

function downloadLines(report: Report, where: SummaryWhere): string[] {
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

function dailyLines(report: Report): string[] {
  if (!report.days || report.days.length === 0) return [];
  const rows = report.days.map((d) => `| ${d.day} | ${d.requests} | ${d.keysUsed} |`);
  return ['', '| Server day | Requests | Keys used |', '| --- | --- | --- |', ...rows];
}

/** The table: its first and last rows with a count between when long; every row otherwise. */
function tableLines(rows: TableEnds | undefined, esc: Escape): string[] {
  const spec = rows?.spec;
  if (!rows || !spec || rows.total === 0) return [];
  const row = (cells: string[]) => `| ${cells.map((cell) => cut(esc(cell), CELL_MAX)).join(' | ')} |`;
  const cells = (r: unknown) => peopleColumns(spec).map((c) => c.text(r as never));
  const head = peopleColumns(spec).map((c) => c.head);
  const lines = ['', row(head), `|${head.map(() => ' --- ').join('|')}|`];
  const { first, last, between } = rows.shown();
  lines.push(...first.map((r) => row(cells(r))));
  if (between > 0) {
    const gap = moreRows(spec, between);
    lines.push(row([gap, ...head.slice(1).map(() => '')]), ...last.map((r) => row(cells(r))));
  }
  return lines;
}

/** The summary of one report; `rows` is the sink that kept the ends of its table. */
export function summaryMarkdown(report: Report, rows?: TableEnds, where: SummaryWhere = {}): string {
  const redact = where.redact ?? ((text: string) => text);
  const esc: Escape = (text) => cut(markdownText(redact(text)), VALUE_MAX);
  const facts = report.facts.list();
  const lines = [`## ${esc(report.title)}`, '', ...failureLines(report, where, esc)];
  lines.push(...dashboardLines(report, esc));
  if (where.trigger) lines.push(`- **Trigger:** ${esc(where.trigger)}`);
  lines.push(...facts.filter((f) => LEAD.has(f.name)).map((f) => factLine(f, where, esc)));
  lines.push(...facts.filter((f) => !LEAD.has(f.name)).map((f) => factLine(f, where, esc)));
  lines.push(...downloadLines(report, where));
  // Charts go above the tables, which may be long.
  for (const chart of report.charts) lines.push('', mermaidChart(chart, redact));
  lines.push(...dailyLines(report), ...tableLines(rows, esc));
  return `${lines.join('\n')}\n`;
}

export { TABLE_ENDS };
