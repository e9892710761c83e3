/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Headless Chromium for the tests that look at pages as a person does (the dashboard, the job
// summary's charts). The browser comes with `npm ci`: @sparticuz/chromium ships its binary inside
// the npm package (unpacked to the temp folder on first use) and puppeteer-core drives it. Where it
// cannot run (another OS or CPU), CHROMIUM_PATH or Debian's /usr/bin/chromium is tried; where none
// runs the browser tests are skipped with a line saying why, unless QUOTA_KEYS_BROWSER_TESTS=required
// (.ci/run sets it), which makes them fail instead.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** As the machine's notes say: no background traffic, which a closed network refuses. */
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-zygote',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
  '--font-render-hinting=none',
];

async function candidates(): Promise<Array<{ name: string; path: () => Promise<string> }>> {
  const list = [
    {
      name: '@sparticuz/chromium (npm)',
      path: async () => (await import('@sparticuz/chromium')).default.executablePath(),
    },
  ];
  for (const file of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (file && existsSync(file)) list.push({ name: file, path: async () => file });
  return list;
}

export interface Launched {
  browser?: Browser;
  /** Which browser runs, or why none does. */
  note: string;
}

/** One browser for a test file (launching takes a second or two). */
export async function launchBrowser(): Promise<Launched> {
  const tried: string[] = [];
  for (const candidate of await candidates()) {
    try {
      const executablePath = await candidate.path();
      const browser = await puppeteer.launch({
        executablePath,
        args: ARGS,
        headless: true,
        userDataDir: mkdtempSync(path.join(tmpdir(), 'chromium-profile-')),
        timeout: 30_000,
        // A person's locale: the machine's C locale reads as en-US@posix, which Intl refuses.
        env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
      });
      return { browser, note: `${candidate.name}, ${await browser.version()}` };
    } catch (error) {
      tried.push(`${candidate.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  const note =
    `no headless Chromium runs here (${tried.join('; ') || 'none found'}). Run them with Debian's chromium ` +
    '(apt-get install chromium) or CHROMIUM_PATH=/path/to/chrome npm test.';
  if (process.env.QUOTA_KEYS_BROWSER_TESTS === 'required') throw new Error(`Browser tests: ${note}`);
  process.stderr.write(`Browser tests skipped: ${note}\n`);
  return { note };
}

export interface Watched {
  /** Every request the page made (URLs), besides the page itself. */
  requests: string[];
  /** Uncaught errors, console errors, and Content-Security-Policy violations. */
  errors: string[];
}

/**
 * A page that records (and refuses) every request but `allowed` ones, and every error it shows: a
 * page error, a console error, a CSP violation (reported by the page's securitypolicyviolation event).
 */
export async function watchedPage(browser: Browser, allowed: (url: string) => boolean): Promise<[Page, Watched]> {
  const page = await browser.newPage();
  const watched: Watched = { requests: [], errors: [] };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (allowed(url)) return void request.continue();
    watched.requests.push(url);
    void request.abort();
  });
  page.on('pageerror', (error) => watched.errors.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => watched.errors.push(`CSP: ${text}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (globalThis as unknown as { __reportViolation(t: string): void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  return [page, watched];
}
