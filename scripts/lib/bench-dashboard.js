// The dashboard's key table at 10,000 keys, in headless Chromium (the one `npm ci` brings): how long
// a sort by label and a filter by text take, each handler timed to its end in the page. The tests
// check that both work at that size; how fast they are is this bench's to say.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, median, timed, tmp } from './bench-run.js';

const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-zygote'];

/** Times `script` in the page: it dispatches one event, whose handler runs to its end synchronously. */
const inPage = (page, script) =>
  page.evaluate((code) => {
    const start = performance.now();
    new Function(code)();
    return performance.now() - start;
  }, script);

/** `{ sortMs, filterMs, bytes }` medians over `runs` page loads, or `{ skipped }` without a browser. */
export async function benchDashboard(withServer, keys, runs) {
  let browser;
  try {
    const [{ default: puppeteer }, { default: chromium }] = await Promise.all([
      import('puppeteer-core'),
      import('@sparticuz/chromium'),
    ]);
    browser = await puppeteer.launch({
      executablePath: await chromium.executablePath(),
      args: ARGS,
      headless: true,
      userDataDir: mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-')),
    });
  } catch (error) {
    return { skipped: `no headless Chromium: ${String(error).split('\n')[0]}` };
  }
  try {
    const file = path.join(tmp, 'dashboard.html');
    await withServer(['--flavor', 'v1p', '--seed-keys', String(keys)], async ({ url, token }) => {
      await timed([CLI, 'usage', '--days', '14', '--html', file, '--url', url, '--token', token]);
    });
    const sort = [];
    const filter = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      sort.push(
        await inPage(
          page,
          "[...document.querySelectorAll('.keys th button')].find((b) => b.textContent === 'Label').click()",
        ),
      );
      filter.push(
        await inPage(
          page,
          "const i = document.querySelector('.keys input'); i.value = '-99'; i.dispatchEvent(new Event('input'))",
        ),
      );
      await page.close();
    }
    return { sortMs: median(sort), filterMs: median(filter) };
  } finally {
    await browser.close();
  }
}
