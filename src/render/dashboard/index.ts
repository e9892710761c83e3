// The usage dashboard (usage --html FILE): one self-contained HTML file. Loaded only when a
// dashboard is written: it reads the chart library it inlines.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../report/report.js';
import type { TrendRow } from '../../report/tables.js';
import type { Logger } from '../../shared/log.js';
import { redactUrl } from '../../shared/redact.js';
import { VERSION } from '../../version.js';
import { pageAssets } from './assets.js';
import type { DashboardData, DashboardServer } from './data.js';
import { dashboardServer } from './from-report.js';
import { renderDashboard } from './html.js';

export type { DashboardData, DashboardServer } from './data.js';
export { dashboardServer, KeptRows } from './from-report.js';

/** A server whose run failed (a servers file's): its section says why, in place of figures. */
export function failedServer(name: string, url: string, failure: string): DashboardServer {
  const none = { days: [], calendar: false, dailyTotals: [], dailyKeysUsed: [], keys: [], method: [] };
  return {
    name,
    url,
    failure,
    ...none,
    limitKind: 'daily',
    threshold: 0,
    forecastDays: 0,
    spikeFactor: 0,
    spikeMinRequests: 0,
  };
}

/**
 * Writes the dashboard of `servers` to `file` whole or not at all (a temp file beside it, renamed:
 * a Pages site or a reader never sees half a file), its folder made first. Returns its size in bytes.
 */
export function writeDashboard(file: string, servers: DashboardServer[], now = new Date()): number {
  const data: DashboardData = { generatedAt: now.toISOString(), version: VERSION, servers };
  const html = renderDashboard(data, pageAssets());
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(temp, html, { mode: 0o644 });
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return Buffer.byteLength(html);
}

/** One server's run for the dashboard: its report and every row of its table. */
export interface DashboardPart {
  name: string;
  /** Credentials redacted. */
  url: string;
  report: Report;
  rows: readonly TrendRow[];
}

/**
 * usage --html: writes the dashboard of `parts` (a section each; a failed one says why) to `file`,
 * and says so in `target` (the `html-path` output, the `dashboard` fact) and the log.
 */
export function writeUsageDashboard(file: string, parts: readonly DashboardPart[], target: Report, log: Logger): void {
  // The page is a file, not a log line: the logger's redactor is applied here, to every text it shows.
  const redact = (text: string) => log.redact(text);
  const servers = parts.map(
    ({ name, url, report, rows }) =>
      dashboardServer(report, rows, { name, url }, redact) ??
      failedServer(redact(name), redact(url), redact(report.failure ?? 'no usage figures')),
  );
  const bytes = writeDashboard(file, servers);
  target.outputs['html-path'] = file;
  target.facts.set('dashboard', `${file} (${Math.ceil(bytes / 1024)} KB)`);
  log.info(`Dashboard${servers.length > 1 ? ` of ${servers.length} servers` : ''} written to ${file}.`);
}

/** One server's run (usage --html): its dashboard of the rows a KeptRows sink kept. */
export function writeServerDashboard(file: string, url: URL, report: Report, rows: readonly TrendRow[], log: Logger) {
  writeUsageDashboard(file, [{ name: url.host, url: redactUrl(url.href), report, rows }], report, log);
}
