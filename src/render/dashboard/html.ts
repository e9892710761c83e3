// The usage dashboard as one self-contained HTML file: what the job summary shows and more (daily
// totals, the busiest keys day by day, every key's sparkline, the forecast, idle keys, spikes and
// alerts, how the figures were read), for one server or several (a section each and their total).
// The chart library (uPlot), the page's script and its styles are inlined; a Content-Security-
// Policy lets only those scripts run (by their hashes): nothing is fetched, and no text from a
// server can become script. Labels are the server's: every one is escaped (./escape.ts) here, and
// the page's script only ever sets them as text.
import { nodeCrypto } from '../../shared/builtins.js';
import { htmlText as escapeHtml } from '../../shared/neutralise.js';
import { type DashboardData, type DashboardKey, type DashboardServer, idleKeys, runningOut } from './data.js';
import { type PageServer, pageModel, scriptJson, type TopKeys } from './page-model.js';

/** The chart library's script and styles, the page's own script and styles (./assets.ts). */
export interface PageAssets {
  chartJs: string;
  /** The chart library's licence (MIT), kept beside its code as the licence asks. */
  chartLicense: string;
  chartCss: string;
  pageJs: string;
  pageCss: string;
}

/** Names listed in a section before the rest is counted (the table has them all). */
const LISTED = 25;

const number = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
const hash = (text: string) => `'sha256-${nodeCrypto().createHash('sha256').update(text).digest('base64')}'`;
const nameOf = (k: DashboardKey) => `${escapeHtml(k.label || 'no label')} <code>${escapeHtml(k.key)}</code>`;

function periodText(s: DashboardServer): string {
  const [first, last] = [s.days[0] ?? '', s.days.at(-1) ?? ''];
  return s.calendar ? `${s.days.length} server days, ${first} to ${last}` : `the last ${s.days.length}×24 hours`;
}

function tile(value: string, what: string, tone = ''): string {
  return `<div class="tile${tone ? ` ${tone}` : ''}"><b>${value}</b><span>${what}</span></div>`;
}

function tiles(s: DashboardServer): string {
  const alerts = s.keys.filter((k) => k.alert).length;
  const spikes = s.keys.filter((k) => k.spike).length;
  const soon = runningOut(s).length;
  const idle = idleKeys(s).length;
  const used = s.keys.filter((k) => k.last > 0).length;
  const last = s.keys.reduce((n, k) => n + k.last, 0);
  const total = s.keys.reduce((n, k) => n + k.total, 0);
  const lastDay = s.calendar ? `on ${escapeHtml(s.days.at(-1) ?? '')}` : 'in the last 24 h';
  return [
    '<div class="tiles">',
    tile(number(total), `requests over ${escapeHtml(periodText(s))}`),
    tile(number(last), `requests ${lastDay}, by ${number(used)} of ${plural(s.keys.length, 'key')}`),
    tile(
      number(alerts),
      `${alerts === 1 ? 'key' : 'keys'} at or above ${s.threshold}% of the limit`,
      alerts ? 'bad' : '',
    ),
    tile(number(spikes), `${spikes === 1 ? 'spike' : 'spikes'} on the last day`, spikes ? 'warn' : ''),
    tile(
      number(soon),
      `${soon === 1 ? 'key reaches' : 'keys reach'} the limit within ${s.forecastDays} days`,
      soon ? 'warn' : '',
    ),
    tile(number(idle), `idle ${idle === 1 ? 'key' : 'keys'} (no request in the period)`),
    '</div>',
  ].join('\n');
}

/** A list of keys with what each one shows; the first LISTED, then how many more. */
function keyList(id: string, title: string, keys: DashboardKey[], what: (k: DashboardKey) => string, none: string) {
  const items = keys.slice(0, LISTED).map((k) => `<li>${nameOf(k)} ${what(k)}</li>`);
  if (keys.length > LISTED)
    items.push(`<li class="more">… ${plural(keys.length - LISTED, 'more key')} in the table</li>`);
  const body = keys.length === 0 ? `<p class="none">${none}</p>` : `<ul>${items.join('')}</ul>`;
  return `<div class="list" id="${id}"><h3>${title} <small>${number(keys.length)}</small></h3>${body}</div>`;
}

function reachText(k: DashboardKey): string {
  if (k.reachesIn === 0) return '— <b>reached</b>';
  return `— on <b>${escapeHtml(k.reachesOn ?? '')}</b> (in ${plural(k.reachesIn ?? 0, 'day')})`;
}

function lists(s: DashboardServer, i: number): string {
  const of = s.limitKind === 'lifetime' ? 'lifetime quota' : 'daily limit';
  const alerts = s.keys.filter((k) => k.alert).sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0));
  const spikes = s.keys.filter((k) => k.spike);
  const lastDay = s.calendar ? 'on the last day' : 'in the last 24 h';
  return [
    '<div class="lists">',
    keyList(
      `forecast-${i}`,
      `Reach their ${of} within ${s.forecastDays} days`,
      runningOut(s),
      reachText,
      'None at their recent rate.',
    ),
    keyList(
      `alerts-${i}`,
      `At or above ${s.threshold}% of their ${of}`,
      alerts,
      (k) => `— <b>${k.percent}%</b>`,
      'None.',
    ),
    keyList(
      `spikes-${i}`,
      `Spikes: above ${s.spikeFactor}× their mean, at least ${number(s.spikeMinRequests)}`,
      spikes,
      (k) => `— <b>${number(k.last)}</b> ${lastDay}`,
      s.days.length < 2 ? 'Spikes need 2 days or more.' : 'None.',
    ),
    keyList(`idle-${i}`, 'Idle: no request in the period (rotation candidates)', idleKeys(s), () => '', 'None.'),
    '</div>',
  ].join('\n');
}

function charts(s: DashboardServer, i: number, top: TopKeys): string {
  const daily = s.calendar
    ? `<figure><figcaption>Requests per server day, ${escapeHtml(periodText(s))}</figcaption>` +
      `<div class="chart" data-chart="daily" data-server="${i}"></div></figure>`
    : `<p class="none">This server keeps no per-day counts: one window of ${escapeHtml(periodText(s))}.</p>`;
  const of = s.limitKind === 'lifetime' ? 'lifetime quota used' : 'daily limit';
  const when = s.calendar ? 'per server day' : `over ${escapeHtml(periodText(s))}`;
  const caption =
    top.unit === 'percent'
      ? `The keys nearest their limit: % of their ${of}${s.limitKind === 'lifetime' ? '' : ` ${when}`}`
      : `The busiest keys: requests ${when} (their limits are unknown)`;
  const busiest =
    top.keys.length > 0
      ? `<figure><figcaption>${caption}</figcaption>` +
        `<div class="chart" data-chart="top" data-server="${i}"></div></figure>`
      : '';
  return `<div class="charts">${daily}${busiest}</div>`;
}

function method(s: DashboardServer): string {
  const rows = s.method.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<details class="method"><summary>How these figures were read</summary><dl>${rows.join('')}</dl></details>`;
}

function serverSection(s: DashboardServer, i: number, several: boolean, page: PageServer): string {
  const where = `${escapeHtml(s.url)}${s.flavor ? ` (${escapeHtml(s.flavor)})` : ''}`;
  const head = several
    ? `<h2>${escapeHtml(s.name)} <small>${where}</small></h2>`
    : `<h2 class="sr">${escapeHtml(s.name)}</h2>`;
  if (s.failure)
    return `<section class="server failed">${head}<p class="failure">Failed: ${escapeHtml(s.failure)}</p></section>`;
  return [
    `<section class="server" id="server-${i}">`,
    head,
    tiles(s),
    charts(s, i, page.top),
    lists(s, i),
    `<h3>Every key <small>${number(s.keys.length)}</small></h3>`,
    `<div class="keys" data-server="${i}"><p class="none">The table needs JavaScript.</p></div>`,
    method(s),
    '</section>',
  ].join('\n');
}

function totalSection(data: DashboardData): string {
  const ok = data.servers.filter((s) => !s.failure);
  const sum = (f: (k: DashboardKey) => number) => ok.reduce((n, s) => n + s.keys.reduce((m, k) => m + f(k), 0), 0);
  const count = (f: (k: DashboardKey) => boolean) => sum((k) => (f(k) ? 1 : 0));
  const soon = ok.reduce((n, s) => n + runningOut(s).length, 0);
  const failed = data.servers.length - ok.length;
  return [
    '<section class="server total" id="total">',
    `<h2>All ${data.servers.length} servers${failed ? ` <small class="bad">${failed} failed</small>` : ''}</h2>`,
    '<div class="tiles">',
    tile(number(sum((k) => k.total)), 'requests over the period, every server'),
    tile(
      number(sum((k) => k.last)),
      `requests on the last day, ${plural(
        count(() => true),
        'key',
      )} in all`,
    ),
    tile(number(count((k) => k.alert)), 'keys at or above the alert threshold', count((k) => k.alert) ? 'bad' : ''),
    tile(number(count((k) => k.spike)), 'spikes on the last day', count((k) => k.spike) ? 'warn' : ''),
    tile(number(soon), 'keys reach their limit within the forecast', soon ? 'warn' : ''),
    tile(number(count((k) => k.total === 0)), 'idle keys'),
    '</div>',
    '<figure><figcaption>Requests per server day, each server and their sum</figcaption>',
    '<div class="chart" data-chart="total"></div></figure>',
    '</section>',
  ].join('\n');
}

function headerOf(data: DashboardData): string {
  const one = data.servers.length === 1 ? data.servers[0] : undefined;
  const servers = one
    ? `${escapeHtml(one.url)}${one.flavor ? ` (${escapeHtml(one.flavor)})` : ''}`
    : data.servers.map((s) => escapeHtml(s.name)).join(', ');
  const period = one ? `${escapeHtml(periodText(one))} · ` : '';
  const made = escapeHtml(data.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'));
  return (
    `<header><h1>Usage of quota-proxy keys</h1><p>${period}${one ? 'server' : 'servers'} ${servers} · ` +
    `made <time datetime="${escapeHtml(data.generatedAt)}">${made}</time> ` +
    `by quota-keys ${escapeHtml(data.version)}</p></header>`
  );
}

/**
 * uPlot formats numbers in navigator.language as it loads; a browser on a system without a locale
 * can report an invalid tag (Chromium: `en-US@posix`), which threw and left the page without charts
 * or table. This runs first and gives such a browser en-US.
 */
const LOCALE_GUARD =
  "try { new Intl.NumberFormat(navigator.language); } catch { Object.defineProperty(navigator, 'language', " +
  "{ value: 'en-US' }); }";

export function renderDashboard(data: DashboardData, assets: PageAssets): string {
  const several = data.servers.length > 1;
  const model = pageModel(data);
  const json = scriptJson(model);
  const scripts = [LOCALE_GUARD, assets.chartJs, assets.pageJs];
  const styles = [assets.chartCss, assets.pageCss];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(' ')}`,
    `style-src ${styles.map(hash).join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = data.servers.length === 1 ? `${data.servers[0]!.name}: key usage` : 'quota-proxy key usage';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    ...styles.map((css) => `<style>${css}</style>`),
    '</head>',
    '<body>',
    headerOf(data),
    '<main>',
    several ? totalSection(data) : '',
    ...data.servers.map((s, i) => serverSection(s, i, several, model.servers[i]!)),
    '</main>',
    `<script type="application/json" id="dashboard-data">${json}</script>`,
    `<!-- uPlot: ${assets.chartLicense.trim()} -->`,
    ...scripts.map((js) => `<script>${js}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
