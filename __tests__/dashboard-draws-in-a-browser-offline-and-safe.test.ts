// usage --days 14 --html on the seeded demo (and on a server whose labels are hostile), opened from
// file:// in headless Chromium as a team lead opens it: no page error, no request to anywhere, the
// charts drawn with a real size, every key listed shortened (and no whole key anywhere in the file),
// no script from a label, the table sorts and filters; with --config, their total and a section per
// server. Screenshots, light and dark, are written to the temp folder (their paths are printed) for
// a person to look at.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launchBrowser, watchedPage } from '../__fixtures__/browser.js';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, seedUsageDemo, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const { browser, note } = await launchBrowser();
const maybe = browser ? describe : describe.skip;

const HOSTILE = [
  '<img src=x onerror="document.title=\'pwned\'">',
  '</script><script>document.title="pwned"</script>',
  '"><svg onload=document.title="pwned">',
  '\u202Eevil-label',
];

let demo: DevServer;
let hostile: DevServer;
beforeAll(async () => {
  demo = await startDevServer({ flavor: 'v1p' });
  seedUsageDemo(demo);
  hostile = await startDevServer({ flavor: 'v1p' });
  for (const label of HOSTILE) {
    const key = hostile.seedKeys(1, { labelPrefix: label, dailyLimit: 10 })[0]!;
    hostile.recordUsage(key, 9);
    hostile.recordUsage(key, 2, hostile.day(new Date(Date.now() - 86_400_000)));
  }
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await hostile?.close();
});

async function dashboardOf(server: DevServer): Promise<{ file: string; html: string }> {
  const { report, workspace } = await runRead(server, { command: 'usage', days: '14', html: 'usage.html' });
  expect(report.ok).toBe(true);
  const file = path.join(workspace, 'usage.html');
  expect(report.outputs['html-path']).toBe(file);
  return { file, html: readFileSync(file, 'utf8') };
}

/** Opens the file as a person would (file://), refusing and recording any other request. */
async function open(file: string, scheme: 'light' | 'dark' = 'light') {
  const url = pathToFileURL(file).href;
  const [page, watched] = await watchedPage(browser!, (u) => u === url);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, watched };
}

const tableKeys = (page: Page) =>
  page.$$eval('.keys tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
const tableColumn = (page: Page, n: number) =>
  page.$$eval(`.keys tbody tr td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent ?? ''));

maybe(`the dashboard in headless Chromium (${note})`, () => {
  test('draws every chart with a real size, asks for nothing, and shows no error', async () => {
    const { file } = await dashboardOf(demo);
    const { page, watched } = await open(file);
    const charts = await page.$$eval('[data-chart] canvas', (canvases) =>
      canvases.map((c) => ({ width: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height })),
    );
    expect(charts).toHaveLength(2);
    for (const size of charts) {
      expect(size.width).toBeGreaterThan(300);
      expect(size.height).toBeGreaterThan(150);
    }
    // Every key has a sparkline of its days (the idle one's flat).
    expect(await page.$$eval('.keys tbody canvas', (c) => c.length)).toBe(8);
    expect(watched).toEqual({ requests: [], errors: [] });
    for (const scheme of ['light', 'dark'] as const) {
      const view = scheme === 'light' ? page : (await open(file, scheme)).page;
      const shot = path.join(tmpdir(), `quota-keys-dashboard-${scheme}.png`);
      await view.screenshot({ path: shot, fullPage: true });
      process.stderr.write(`Dashboard screenshot (${scheme}): ${shot}\n`);
    }
  });

  test('a browser whose language is no valid tag (en-US@posix, a system without a locale) draws it all', async () => {
    const { file } = await dashboardOf(demo);
    const url = pathToFileURL(file).href;
    const [page, watched] = await watchedPage(browser!, (u) => u === url);
    // What such a browser reports, where it reports it: the prototype's getter.
    await page.evaluateOnNewDocument(() =>
      Object.defineProperty(Navigator.prototype, 'language', { get: () => 'en-US@posix', configurable: true }),
    );
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await page.$$eval('[data-chart] canvas', (c) => c.length)).toBe(2);
    expect(await tableKeys(page)).toHaveLength(8);
    expect(watched).toEqual({ requests: [], errors: [] });
  });

  test('the legend reads the last day away from the chart, the hovered day over it', async () => {
    const { file } = await dashboardOf(demo);
    const { page } = await open(file);
    const legend = (n = 0) =>
      page.$$eval(
        '[data-chart] .u-legend',
        (legends, n) =>
          [...legends[n]!.querySelectorAll('.u-series')].map((row) => row.textContent?.replace(/\s+/g, '') ?? ''),
        n,
      );
    const today = demo.day(new Date());
    // The keys nearest their limit: each a whole percent, as the table shows it, and the alert line's own.
    const nearest = await legend(1);
    expect(nearest[0]).toBe(`Day${today}`);
    expect(nearest.slice(1, -1).filter((row) => !/\d%$/.test(row) || /\.\d+%$/.test(row))).toEqual([]);
    expect(nearest.at(-1)).toBe('Alertat80%');
    const away = await legend();
    expect(away[0]).toBe(`Day${today}`);
    expect(away[1]).toMatch(/^Requests\d{1,3}(,\d{3})*$/);
    expect(away[2]).toMatch(/^Keysused\d+$/);
    // (uPlot's stylesheet draws the colon.) Over the chart's first point: that day; away again: the last.
    const box = (await (await page.$('[data-chart] .u-over'))!.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    const over = await legend();
    expect(over[0]).toMatch(/^Day\d{4}-\d{2}-\d{2}$/);
    expect(over[0]).not.toBe(`Day${today}`);
    await page.mouse.move(1, 1);
    expect(await legend()).toEqual(away);
  });

  test('lists every key shortened; no whole key is anywhere in the file', async () => {
    const { file, html } = await dashboardOf(demo);
    const keys = demo.allKeys().map((k) => k.key);
    expect(keys).toHaveLength(8);
    for (const key of keys) expect(html).not.toContain(key);
    const { page } = await open(file);
    expect((await tableKeys(page)).sort()).toEqual(keys.map(shortenKey).sort());
  });

  test('the table sorts by a column and filters by text and by kind', async () => {
    const { file } = await dashboardOf(demo);
    const { page } = await open(file);
    const labels = () => tableColumn(page, 1);
    expect((await labels())[0]).toBe('vip-globex-1'); // busiest first
    const header = async (name: string) => {
      const buttons = await page.$$('.keys th button');
      for (const b of buttons) if ((await b.evaluate((e) => e.textContent)) === name) return b;
      throw new Error(`no column ${name}`);
    };
    await (await header('Label')).click();
    expect(await labels()).toEqual([...(await labels())].sort());
    expect((await labels())[0]).toBe('internal-ci-1');
    await (await header('Label')).click();
    expect((await labels())[0]).toBe('vip-globex-1');
    await (await header('Last day')).click(); // numbers: largest first
    expect((await tableColumn(page, 4)).map((v) => Number(v.replace(/,/g, '')))).toEqual([
      2850, 440, 151, 95, 45, 0, 0, 0,
    ]);
    await page.type('.keys input[type=search]', 'trial');
    expect(await labels()).toHaveLength(5);
    expect(await page.$eval('.keys output', (o) => o.textContent)).toBe('Keys 1–5 of 5 (of 8)');
    await page.select('.keys select', 'idle');
    expect(await labels()).toEqual(['trial-erin-1']);
    await page.select('.keys select', 'spike');
    expect(await labels()).toEqual(['trial-bob-1']);
  });

  test('with --config: their total, then a section per server (a failed one says why), each drawn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-config-'));
    const servers = path.join(dir, 'servers.yml');
    const entry = (name: string, url: string, token: string) =>
      `  - name: ${name}\n    url: ${url}\n    token-env: ${token}\n`;
    writeFileSync(
      servers,
      `servers:\n${entry('demo', demo.url, 'DEMO_TOKEN')}${entry('other', hostile.url, 'OTHER_TOKEN')}` +
        entry('gone', 'http://127.0.0.1:9', 'DEMO_TOKEN'),
    );
    const file = path.join(dir, 'all.html');
    const { code, stdout } = await runCliInProcess(
      ['usage', '--days', '14', '--config', servers, '--html', file, '--retries', '0'],
      { DEMO_TOKEN: demo.token, OTHER_TOKEN: hostile.token },
    );
    expect(code).toBe(1); // one server failed; the others' dashboard is written all the same
    expect(stdout).toMatch(/^Dashboard: .*all\.html \(\d+ KB\)$/m);
    const { page, watched } = await open(file);
    expect(await page.$$eval('main > section > h2', (hs) => hs.map((h) => h.firstChild?.textContent?.trim()))).toEqual([
      'All 3 servers',
      'demo',
      'other',
      'gone',
    ]);
    expect(await page.$eval('section.failed', (s) => s.textContent)).toMatch(/Failed: .*127\.0\.0\.1:9/);
    // The total, and each working server's two charts.
    expect(await page.$$eval('[data-chart] canvas', (c) => c.filter((e) => e.clientWidth > 300).length)).toBe(5);
    expect(await page.$$eval('.keys', (k) => k.length)).toBe(2);
    expect(watched).toEqual({ requests: [], errors: [] });
    const shot = path.join(tmpdir(), 'quota-keys-dashboard-servers.png');
    await page.screenshot({ path: shot, fullPage: true });
    process.stderr.write(`Dashboard screenshot (config): ${shot}\n`);
  });

  test('labels are text: no script runs from a label, and the policy allows only the page’s own', async () => {
    const { file, html } = await dashboardOf(hostile);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
    expect(html).not.toContain('<img src=x');
    const { page, watched } = await open(file);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.$$('.keys img, .keys svg, main img')).toHaveLength(0);
    const labels = await tableColumn(page, 1);
    for (const label of HOSTILE.slice(0, 3)) expect(labels.some((l) => l.startsWith(label))).toBe(true);
    // A right-to-left override would show `evil-label` as `lebal-live`: it is shown as its code point.
    expect(labels).toContain('\\u{202e}evil-label1');
    expect(await page.$eval('body', (b) => b.textContent)).not.toContain('\u202E');
    // The idle and forecast lists name labels too: as text.
    expect(await page.$eval('main', (m) => m.textContent)).toContain(HOSTILE[0]);
    expect(watched).toEqual({ requests: [], errors: [] });
  });
});
