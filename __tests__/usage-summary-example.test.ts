// examples/usage-summary.md, the job summary docs/commands.md shows, is a real one: this test runs
// usage --days 14 on a dev server (v1p, UTC+8) seeded with two weeks of usage and renders its job
// summary. It writes the file when it is missing or UPDATE_EXAMPLES=1, and otherwise checks that the
// committed file is what the code renders now — compared with the days written relative to the
// summary's last day (D-13 … D+7), the port and the shortened keys (random on every run) masked.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, DEMO_DAYS as N, seedUsageDemo, startDevServer } from '../src/dev-server/index.js';

const FILE = path.join(import.meta.dirname, '..', 'examples', 'usage-summary.md');
const DAY_MS = 86_400_000;
const HEADER =
  '<!-- Written by __tests__/usage-summary-example.test.ts (usage --days 14 on a seeded dev server); ' +
  'UPDATE_EXAMPLES=1 writes it again. -->\n\n';

async function render(server: DevServer): Promise<string> {
  const { report, markdown } = await runRead(server, {
    command: 'usage',
    days: String(N),
    'skip-health-check': 'true',
  });
  expect(report.ok).toBe(true);
  return HEADER + markdown.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:8787');
}

/** Days as D±k from the summary's last day; the port and the random middle of shortened keys masked. */
function comparable(text: string): string {
  const last = /Period:\*\* \d+ server days, \d{4}-\d{2}-\d{2} to (\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  if (!last) return text;
  const end = Date.parse(`${last}T00:00:00Z`);
  const rel = (ms: number) => {
    const k = Math.round((ms - end) / DAY_MS);
    return k === 0 ? 'D' : `D${k > 0 ? '+' : ''}${k}`;
  };
  return text
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (day) => rel(Date.parse(`${day}T00:00:00Z`)))
    .replace(/"(\d{2})-(\d{2})"/g, (_, m, d) => {
      const year = Number(last.slice(0, 4));
      const candidates = [year, year - 1].map((y) => Date.UTC(y, Number(m) - 1, Number(d)));
      return `"${rel(candidates.find((c) => c <= end) ?? candidates[0]!)}"`;
    })
    .replace(/roc\\?_[0-9a-f]{4}…[0-9a-f]{4}/g, 'roc_…');
}

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p', timeZone: 'Asia/Shanghai' });
  seedUsageDemo(server);
});
afterAll(() => server.close());

test('examples/usage-summary.md is the summary the code renders (days relative, keys masked)', async () => {
  const rendered = await render(server);
  // The picture docs/commands.md promises is there: both charts and the exact figures.
  expect(rendered.match(/```mermaid\n%%\{init: .*\}%%\nxychart-beta( horizontal)?\n/g)).toHaveLength(2);
  expect(rendered).toContain('| Server day | Requests | Keys used |');
  if (process.env.UPDATE_EXAMPLES === '1' || !existsSync(FILE)) writeFileSync(FILE, rendered);
  expect(comparable(readFileSync(FILE, 'utf8'))).toBe(comparable(rendered));
});

test("docs/commands.md shows the example file's charts, unchanged", () => {
  const charts = readFileSync(FILE, 'utf8').match(/```mermaid\n[\s\S]*?```\n/g) ?? [];
  expect(charts).toHaveLength(2);
  const page = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'commands.md'), 'utf8');
  for (const chart of charts) expect(page).toContain(chart);
});
