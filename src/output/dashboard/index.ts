// The usage dashboard (usage --html FILE): one self-contained HTML file. Loaded only when a
// dashboard is written: it reads the chart library it inlines.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../version.js';
import { pageAssets } from './assets.js';
import type { DashboardData, DashboardServer } from './data.js';
import { renderDashboard } from './html.js';

export type { DashboardData, DashboardServer } from './data.js';
export { dashboardServer } from './from-usage.js';

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
