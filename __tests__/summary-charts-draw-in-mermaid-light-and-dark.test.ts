/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The job summary as GitHub shows it: its Markdown rendered as GFM (marked), each ```mermaid block
// drawn by mermaid 11 (the major version GitHub renders with), in GitHub's light and dark themes.
// The README's example, and summaries of real runs: usage --days 14 on the seeded demo, usage of one
// day, usage --days 7 on a lifetime-quota server (v10) and on a server whose limit is unknown, and
// labels that try to break out of the chart. No chart may fail to draw; each has a real size; no
// text sticks out of its chart (a cut title); the plotted lines and bars stand out from the
// background (contrast 3:1 or more); the summary opens with the figures, the method after them.
// A screenshot of each summary in each theme is written to the temp folder (paths printed) for a
// person to look at.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { launchBrowser, watchedPage } from '../__fixtures__/browser.js';
import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, seedUsageDemo, startDevServer } from '../src/dev-server/index.js';

const { browser, note } = await launchBrowser();
const maybe = browser ? describe : describe.skip;
const MERMAID = path.resolve(import.meta.dirname, '../node_modules/mermaid/dist/mermaid.min.js');
const THEMES = { light: { theme: 'default', background: '#ffffff' }, dark: { theme: 'dark', background: '#0d1117' } };

const servers: DevServer[] = [];
async function server(flavor: 'v1p' | 'v10' | 'v1', seed: (s: DevServer) => void): Promise<DevServer> {
  const s = await startDevServer({ flavor });
  servers.push(s);
  seed(s);
  return s;
}
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** usage's job summary on each kind of server, by name. */
async function summaries(): Promise<Record<string, string>> {
  const day = (s: DevServer, ago: number) => s.day(new Date(Date.now() - ago * 86_400_000));
  const demo = await server('v1p', (s) => seedUsageDemo(s));
  const lifetime = await server('v10', (s) => {
    for (const [i, key] of s.seedKeys(3, { labelPrefix: 'quota-' }).entries()) s.recordUsage(key, 100 * (i + 1));
  });
  const unknown = await server('v1', (s) => {
    const [a, b] = s.seedKeys(2, { labelPrefix: 'shared-' });
    for (let ago = 0; ago < 7; ago++) s.recordUsage(a!, 300 + ago, day(s, ago)); // past the default 200
    s.recordUsage(b!, 20);
  });
  const hostile = await server('v1p', (s) => {
    const labels = ['"]; bar [1', '```', 'a%%{init}%%', '<img src=x onerror=alert(1)>', 'x'.repeat(80)];
    for (const [i, label] of labels.entries()) {
      const key = s.seedKeys(1, { labelPrefix: label, dailyLimit: 100 })[0]!;
      for (let ago = 0; ago < 3; ago++) s.recordUsage(key, 10 * (i + 1) + ago, day(s, ago));
    }
  });
  const md = async (s: DevServer, inputs: Record<string, string>) =>
    (await runRead(s, { command: 'usage', 'skip-health-check': 'true', ...inputs })).markdown;
  const example = readFileSync(path.resolve(import.meta.dirname, '../examples/usage-summary.md'), 'utf8');
  return {
    'readme-example': example,
    'days-14': await md(demo, { days: '14' }),
    'one-day': await md(demo, {}),
    lifetime: await md(lifetime, { days: '7' }),
    'unknown-limit': await md(unknown, { days: '7' }),
    hostile: await md(hostile, { days: '3' }),
  };
}

/** What each drawn chart shows, measured in the page. */
interface Drawn {
  summary: string;
  error: boolean;
  width: number;
  height: number;
  /** Texts (title, axis labels) reaching outside the chart's box, or written over one another. */
  outside: string[];
  /** Colours of the plotted lines and bars. */
  colours: string[];
  /** The chart's own background where it paints one, else the page's. */
  background: string;
}

/** Every summary on one page (one load of mermaid per theme), each ```mermaid block drawn. */
async function draw(summaries: Record<string, string>, theme: keyof typeof THEMES, shot: string): Promise<Drawn[]> {
  const [page, watched] = await watchedPage(browser!, (u) => u === 'about:blank');
  await page.setViewport({ width: 1012, height: 800 }); // GitHub's summary column
  const sections = await Promise.all(
    Object.entries(summaries).map(async ([name, markdown]) => {
      const html = (await marked.parse(markdown, { gfm: true })).replace(
        /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
        '<pre class="mermaid">$1</pre>',
      );
      return `<section data-name="${name}">${html}</section>`;
    }),
  );
  const { background } = THEMES[theme];
  const colour = theme === 'dark' ? '#e6edf3' : '#1f2328';
  await page.setContent(
    `<!doctype html><html><body style="background:${background};color:${colour};font-family:sans-serif;` +
      `width:980px;margin:16px">${sections.join('')}</body></html>`,
  );
  await page.addScriptTag({ path: MERMAID });
  const drawn = await page.evaluate(
    async (mermaidTheme, pageBackground) => {
      const mermaid = (globalThis as any).mermaid;
      mermaid.initialize({ startOnLoad: false, theme: mermaidTheme });
      await mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true });
      return [...document.querySelectorAll('pre.mermaid')].map((pre) => {
        const summary = pre.closest('section')?.dataset.name ?? '';
        const svg = pre.querySelector('svg');
        if (!svg) return { summary, error: true, width: 0, height: 0, outside: [], colours: [], background: '' };
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0);
        const outside = texts
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1;
          })
          .map((t) => t.textContent ?? '');
        for (const [i, a] of texts.entries())
          for (const b of texts.slice(i + 1)) {
            const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
            const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            if (across > 2 && down > 2) outside.push(`${a.textContent} over ${b.textContent}`);
          }
        const plots = [...svg.querySelectorAll('[class*=line-plot] path, [class*=bar-plot] rect')];
        const colours = plots.map((p) =>
          p.tagName === 'path' ? getComputedStyle(p).stroke : getComputedStyle(p).fill,
        );
        const fill = getComputedStyle(svg.querySelector('rect') ?? svg).fill;
        const opaque = /^rgb\(/.test(fill) || /^#/.test(fill);
        return {
          summary,
          error: Boolean(svg.querySelector('.error-icon')) || /Syntax error/.test(svg.textContent ?? ''),
          width: box.width,
          height: box.height,
          outside,
          colours: [...new Set(colours)],
          background: opaque ? fill : pageBackground,
        };
      });
    },
    THEMES[theme].theme,
    background,
  );
  for (const section of await page.$$('section'))
    await section.screenshot({ path: `${shot}-${await section.evaluate((e) => e.dataset.name)}.png` });
  expect(watched).toEqual({ requests: [], errors: [] });
  await page.close();
  return drawn;
}

/** WCAG contrast ratio of two `rgb(r, g, b)` / `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const rgb = (c: string) =>
    c.startsWith('#') ? [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) : c.match(/\d+/g)!.map(Number);
  const lum = (c: string) => {
    const [r, g, bl] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

maybe(`job summary charts in mermaid 11 (${note})`, () => {
  let all: Record<string, string>;
  beforeAll(async () => {
    all = await summaries();
  });

  test.each(Object.keys(THEMES) as Array<keyof typeof THEMES>)(
    'every chart draws, fits, and stands out in the %s theme',
    async (theme) => {
      const shot = path.join(tmpdir(), `quota-keys-summary-${theme}`);
      const drawn = await draw(all, theme, shot);
      process.stderr.write(`Job summaries drawn (${theme}): ${shot}-*.png\n`);
      for (const [name, markdown] of Object.entries(all)) {
        const blocks = markdown.match(/```mermaid/g)?.length ?? 0;
        expect({ name, blocks: blocks > 0 }).toEqual({ name, blocks: true });
        expect(drawn.filter((d) => d.summary === name)).toHaveLength(blocks);
      }
      for (const chart of drawn) {
        const { summary, error, outside } = chart;
        expect({ summary, error, outside }).toEqual({ summary, error: false, outside: [] });
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.height).toBeGreaterThan(200);
        expect(chart.colours.length).toBeGreaterThan(0);
        for (const c of chart.colours) {
          const strong = contrast(c, chart.background) >= 3;
          expect({ summary, c, on: chart.background, strong }).toEqual({
            summary,
            c,
            on: chart.background,
            strong: true,
          });
        }
      }
    },
  );

  test('the summary opens with the figures a team lead asks for; how they were read comes after', () => {
    const facts = [...all['days-14']!.matchAll(/^- \*\*(.+?):\*\*/gm)].map((m) => m[1]);
    expect(facts.slice(0, 6)).toEqual(['Requests', 'Requests (period)', 'Alerts', 'Spikes', 'Forecast', 'Idle keys']);
    expect(facts.indexOf('Day chosen')).toBeGreaterThan(facts.indexOf('Idle keys'));
    expect(all['days-14']).toMatch(/- \*\*Alerts:\*\* 2 at or above 80%: trial-bob-1 95%, partner-acme-1 88%; 1 spike/);
  });
});
