// 10,000 keys over 90 days (the most `days` allows): the dashboard stays under 3 MB, opens without
// error, and its table sorts and filters all of them (the page shows 50 rows at a time; every key is
// in the table's data, none whole in the file). How fast it sorts and filters is the bench's row D
// (scripts/lib/bench-dashboard.js), not a timed test.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, watchedPage } from '../__fixtures__/browser.js';
import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const KEYS = 10_000;
const DAYS = 90;
const { browser, note } = await launchBrowser();

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
  const keys = server.seedKeys(KEYS, { labelPrefix: 'customer-team-', dailyLimit: 5000 });
  const day = (ago: number) => server.day(new Date(Date.now() - ago * 86_400_000));
  // Every key used today (4-digit counts), one in ten on ten days spread over the period.
  for (const [i, key] of keys.entries()) {
    server.recordUsage(key, 1000 + (i % 4000));
    if (i % 10 === 0) for (let ago = 5; ago < DAYS; ago += 9) server.recordUsage(key, 100 + ago, day(ago));
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let file: string;
test('the file stays under 3 MB and holds no whole key', async () => {
  const { report, workspace } = await runRead(server, {
    command: 'usage',
    days: String(DAYS),
    html: 'usage.html',
    'skip-health-check': 'true',
  });
  expect(report.ok).toBe(true);
  file = path.join(workspace, 'usage.html');
  const size = statSync(file).size;
  process.stderr.write(`Dashboard of ${KEYS} keys × ${DAYS} days: ${(size / 2 ** 20).toFixed(2)} MB\n`);
  expect(size).toBeLessThan(3 * 2 ** 20);
  const html = readFileSync(file, 'utf8');
  for (const { key } of server.allKeys().slice(0, 500)) expect(html).not.toContain(key);
}, 120_000);

(browser ? test : test.skip)(
  `the table sorts and filters 10,000 keys (${note})`,
  async () => {
    const url = pathToFileURL(file).href;
    const [page, watched] = await watchedPage(browser!, (u) => u === url);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.$eval('.keys output', (o) => o.textContent)).toBe('Keys 1–50 of 10,000');
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.keys th button')]
        .find((b) => b.textContent === 'Label')!
        .click(),
    );
    const first = await page.$eval('.keys tbody td', (td) => td.textContent);
    expect(first).toBe('customer-team-1');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.keys input')!;
      input.value = 'team-99';
      input.dispatchEvent(new Event('input'));
    });
    expect(await page.$eval('.keys output', (o) => o.textContent)).toBe('Keys 1–50 of 111 (of 10,000)');
    expect(watched).toEqual({ requests: [], errors: [] });
  },
  60_000,
);
