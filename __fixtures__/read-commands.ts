// Runs one read command (list, usage, monitor) in-process against a dev server over real sockets,
// the way the platforms do (raw inputs → parseOptions → run), and returns everything the run showed,
// for asserting what it did and did not print.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import type { DevServer } from '../src/dev-server/index.js';
import { writeServerDashboard } from '../src/render/dashboard/index.js';
import type { TrendRow } from '../src/report/tables.js';
import { run } from '../src/run.js';
import { captureLog } from './capture-log.js';
import { reportChannels } from './report-view.js';

export async function runRead(server: Pick<DevServer, 'url' | 'token'>, inputs: Record<string, string>) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'read-cmd-'));
  const context = { ...cliContext({}), workspace };
  const all: Record<string, string> = { url: server.url, 'admin-token': server.token, ...inputs };
  const captured = captureLog();
  const options = parseOptions((n) => all[n] ?? '', {}, context);
  const channels = reportChannels(options.command);
  const ran = await run(options, context, captured.log, undefined, undefined, channels.sinks);
  // usage --html: the dashboard of the rows, written as both platform entries write it.
  if (options.html && ran.table?.kind === 'trend')
    writeServerDashboard(options.html, options.url, ran, channels.rows() as TrendRow[], captured.log);
  // The report as its channels show it (facts as text, the table's cells, the old tool's lines).
  const report = Object.assign(ran, { summary: channels.view(ran) });
  const csvRows =
    report.csvPath && existsSync(report.csvPath)
      ? (parse(readFileSync(report.csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
      : [];
  const markdown = channels.markdown(report);
  const lines = report.summary.lines;
  /** Every text the run showed anywhere: log, job summary, terminal summary, lines, outputs, failure. */
  const shown = [
    captured.text(),
    markdown,
    channels.terminal(report),
    lines.join('\n'),
    JSON.stringify(report.outputs),
    report.failure ?? '',
  ].join('\n');
  return {
    report,
    log: captured.text(),
    warnings: captured.lines.filter((l) => l.startsWith('warning: ')),
    markdown,
    lines,
    csvRows,
    shown,
    workspace,
  };
}

/** One request through the proxy, as a trial-key holder sends it: it counts as usage. */
export async function chat(server: Pick<DevServer, 'url'>, key: string): Promise<number> {
  const answer = await fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
  });
  await answer.text();
  return answer.status;
}

/** Admin requests the server received since `from` (an index into `server.requests`). */
export function adminRequests(server: Pick<DevServer, 'requests'>, from = 0): string[] {
  return server.requests
    .slice(from)
    .filter((r) => r.path.includes('/admin/'))
    .map((r) => `${r.method} ${r.path}`);
}
