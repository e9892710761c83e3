// docs/dashboard.png, the screenshot the README shows, is of the dashboard the code renders now:
// usage --days 14 --html on the seeded demo, opened in headless Chromium. The PNG carries (in a tEXt
// chunk) the SHA-256 of the page it shows, with what changes from run to run masked (days written
// relative to the last one, the port, the shortened keys, when it was made); this test renders the
// page again and checks that digest. UPDATE_EXAMPLES=1 (or no PNG yet) takes the screenshot anew.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { launchBrowser, watchedPage } from '../__fixtures__/browser.js';
import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, seedUsageDemo, startDevServer } from '../src/dev-server/index.js';

const PNG = path.resolve(import.meta.dirname, '../docs/dashboard.png');
const CHUNK = 'quota-keys-page-sha256';
const DAY_MS = 86_400_000;
const { browser, note } = await launchBrowser();

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p', timeZone: 'UTC' });
  seedUsageDemo(server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page with what differs from run to run masked. */
function comparable(html: string): string {
  const last = /"days":\["[^\]]*"(\d{4}-\d{2}-\d{2})"\]/.exec(html)?.[1] ?? '';
  const end = Date.parse(`${last}T00:00:00Z`);
  return html
    .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?( UTC|Z)/g, 'MADE')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => `D${Math.round((Date.parse(`${day}T00:00:00Z`) - end) / DAY_MS)}`)
    .replace(/127\.0\.0\.1:\d+/g, 'HOST')
    .replace(/roc_[0-9a-f]{4}…[0-9a-f]{4}/g, 'KEY');
}

/** The tEXt chunk `CHUNK` of a PNG, or undefined. */
function textChunk(png: Buffer): string | undefined {
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'tEXt' && data.toString('latin1').startsWith(`${CHUNK}\0`))
      return data.toString('latin1').slice(CHUNK.length + 1);
    at += 12 + length;
  }
  return undefined;
}

/** The PNG with a tEXt chunk `CHUNK` = `text` after its header. */
function withText(png: Buffer, text: string): Buffer {
  const data = Buffer.from(`${CHUNK}\0${text}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

test(`docs/dashboard.png shows the dashboard the code renders now (${note})`, async () => {
  const { report, workspace } = await runRead(server, { command: 'usage', days: '14', html: 'usage.html' });
  expect(report.ok).toBe(true);
  const file = path.join(workspace, 'usage.html');
  const digest = createHash('sha256')
    .update(comparable(readFileSync(file, 'utf8')))
    .digest('hex');
  if (process.env.UPDATE_EXAMPLES === '1' || !existsSync(PNG)) {
    if (!browser) throw new Error(`no browser to take docs/dashboard.png with: ${note}`);
    const url = pathToFileURL(file).href;
    const [page, watched] = await watchedPage(browser, (u) => u === url);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.setViewport({ width: 1200, height: 800 });
    await page.goto(url, { waitUntil: 'load' });
    expect(watched).toEqual({ requests: [], errors: [] });
    const shot = Buffer.from(await page.screenshot({ fullPage: true, type: 'png' }));
    writeFileSync(PNG, withText(shot, digest));
  }
  const shown = textChunk(readFileSync(PNG));
  if (shown !== digest)
    throw new Error('docs/dashboard.png shows another page than the code renders: UPDATE_EXAMPLES=1 takes it anew');
});
