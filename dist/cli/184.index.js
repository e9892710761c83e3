export const id = 184;
export const ids = [184];
export const modules = {

/***/ 4184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeServerDashboard: () => (/* binding */ writeServerDashboard),
  writeUsageDashboard: () => (/* binding */ writeUsageDashboard)
});

// UNUSED EXPORTS: KeptRows, dashboardServer, failedServer, writeDashboard

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(8932);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/render/dashboard/assets.ts
// The files the dashboard inlines, read when a dashboard is written (this module is loaded only
// then, so no other command pays for them). `new URL(\u2026, import.meta.url)`: from src/ (tests) they
// are read where they are; the bundler (ncc) copies each one beside the bundle and points the URL
// there, so dist/ runs without node_modules.

const read = (url) => (0,external_node_fs_.readFileSync)(url, 'utf8');
function pageAssets() {
    const assets = {
        chartJs: read(__webpack_require__.ab + "uPlot.iife.min.js"),
        chartCss: read(__webpack_require__.ab + "uPlot.min.css"),
        // A copy of node_modules/uplot/LICENSE: bundled under its own name, not as a bare LICENSE in dist/.
        chartLicense: read(__webpack_require__.ab + "uplot-license.txt"),
        pageJs: read(__webpack_require__.ab + "dashboard-page.js"),
        pageCss: read(__webpack_require__.ab + "dashboard-page.css"),
    };
    // Each is put between <script> or <style> tags: none may close its element early.
    for (const [name, text] of Object.entries(assets))
        if (/<\/(script|style)|<!--/i.test(text))
            throw new Error(`the dashboard's ${name} cannot be inlined`);
    return assets;
}

// EXTERNAL MODULE: ./src/render/dashboard/from-report.ts
var from_report = __webpack_require__(3698);
// EXTERNAL MODULE: ./src/shared/builtins.ts
var builtins = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/shared/neutralise.ts
var neutralise = __webpack_require__(7763);
;// CONCATENATED MODULE: ./src/render/dashboard/data.ts
// What the usage dashboard shows, as one plain data type (no class, no function): the renderer
// (./html.ts) reads nothing else. Keys are shortened and every text redacted before they get here;
// labels are otherwise as the server sent them (untrusted: the renderer escapes them). Built from a usage --days run by
// ./from-usage.ts; a run over several servers gives one DashboardServer each.
/** The keys the forecast names: reaching their limit within forecastDays, soonest first. */
function runningOut(server) {
    return server.keys
        .filter((k) => k.reachesIn !== undefined && k.reachesIn <= server.forecastDays)
        .sort((a, b) => a.reachesIn - b.reachesIn || a.label.localeCompare(b.label));
}
/** Keys without a request in the N days. */
const idleKeys = (server) => server.keys.filter((k) => k.total === 0);
/** The sum of every server's requests per day, by day (servers may be on different days). */
function totalsByDay(servers) {
    const byDay = new Map();
    for (const s of servers) {
        if (!s.calendar)
            continue;
        for (const [i, day] of s.days.entries())
            byDay.set(day, (byDay.get(day) ?? 0) + (s.dailyTotals[i] ?? 0));
    }
    return new Map([...byDay].sort(([a], [b]) => a.localeCompare(b)));
}

;// CONCATENATED MODULE: ./src/render/dashboard/page-model.ts
// What the page's script gets (as JSON inside the file): compact, since 10,000 keys \u00d7 90 days must
// stay under 3 MB. Exact per-day figures for the daily totals and the busiest keys' chart; for every
// key's sparkline only its shape (one character a day, 0..63 of the key's own busiest day).


/** Keys drawn in the chart of the keys nearest their limit. */
const TOP_KEYS = 8;
/** A row's flags (bits). */
const FLAG = { alert: 1, spike: 2, idle: 4, runningOut: 8 };
/** One sparkline level a character: '0' is none, 'A'\u2026'~' \u2026 (64 levels, all printable and JSON-safe). */
const LEVELS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
/** A key's days as levels of its own busiest day: any request shows (level 1 at least), none is 0. */
function sparkOf(perDay) {
    if (!perDay || perDay.length === 0)
        return '';
    let peak = 0;
    for (let i = 0; i < perDay.length; i++)
        peak = Math.max(peak, perDay[i]);
    let spark = '';
    for (let i = 0; i < perDay.length; i++) {
        const v = perDay[i];
        spark += LEVELS[v === 0 ? 0 : Math.max(1, Math.round((v / peak) * (LEVELS.length - 1)))];
    }
    return spark;
}
const orNull = (value) => (value === undefined ? null : value);
function pageServer(server) {
    const soon = new Set(runningOut(server));
    const rows = server.keys.map((k) => {
        const flags = (k.alert ? FLAG.alert : 0) |
            (k.spike ? FLAG.spike : 0) |
            (k.total === 0 ? FLAG.idle : 0) |
            (soon.has(k) ? FLAG.runningOut : 0);
        return [
            (0,neutralise/* visible */.RK)(k.label),
            k.key,
            k.total,
            k.last,
            orNull(k.peak),
            orNull(k.limit),
            orNull(k.used),
            orNull(k.percent),
            orNull(k.reachesOn),
            orNull(k.reachesIn),
            flags,
            sparkOf(k.perDay),
        ];
    });
    return {
        name: (0,neutralise/* visible */.RK)(server.name),
        calendar: server.calendar,
        days: server.days,
        totals: server.dailyTotals,
        keysUsed: server.dailyKeysUsed,
        limitKind: server.limitKind,
        threshold: server.threshold,
        top: topKeys(server),
        rows,
    };
}
const tenth = (n) => Math.round(n * 10) / 10;
function topKeys(server) {
    const used = server.keys.filter((k) => k.total > 0 || (k.used ?? 0) > 0);
    const percents = used.length > 0 && used.every((k) => k.limit !== undefined && k.limit > 0);
    if (!percents) {
        const keys = used.slice(0, TOP_KEYS);
        const values = (k) => (server.calendar && k.perDay ? Array.from(k.perDay) : [k.total]);
        return { unit: 'requests', keys: keys.map((k) => ({ label: (0,neutralise/* visible */.RK)(k.label), key: k.key, values: values(k) })) };
    }
    const lifetime = server.limitKind === 'lifetime';
    const share = (k) => (lifetime ? (k.used ?? 0) : (k.peak ?? k.last)) / k.limit;
    const keys = [...used].sort((a, b) => share(b) - share(a) || b.total - a.total).slice(0, TOP_KEYS);
    const values = (k) => lifetime || !server.calendar || !k.perDay
        ? [tenth((lifetime ? (k.used ?? 0) : k.last) * (100 / k.limit))]
        : Array.from(k.perDay, (n) => tenth((n * 100) / k.limit));
    return { unit: 'percent', keys: keys.map((k) => ({ label: (0,neutralise/* visible */.RK)(k.label), key: k.key, values: values(k) })) };
}
function pageModel(data) {
    const servers = data.servers.map(pageServer);
    if (data.servers.length < 2)
        return { servers };
    const byDay = totalsByDay(data.servers);
    return { servers, total: { days: [...byDay.keys()], totals: [...byDay.values()] } };
}
/** JSON that cannot end the <script> element it sits in, nor open a comment or CDATA there. */
function scriptJson(value) {
    // The JSON channel's neutraliser, then what would end the <script> element or open a comment.
    return (0,neutralise/* jsonText */.s$)(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./src/render/dashboard/html.ts
// The usage dashboard as one self-contained HTML file: what the job summary shows and more (daily
// totals, the busiest keys day by day, every key's sparkline, the forecast, idle keys, spikes and
// alerts, how the figures were read), for one server or several (a section each and their total).
// The chart library (uPlot), the page's script and its styles are inlined; a Content-Security-
// Policy lets only those scripts run (by their hashes): nothing is fetched, and no text from a
// server can become script. Labels are the server's: every one is escaped (./escape.ts) here, and
// the page's script only ever sets them as text.




/** Names listed in a section before the rest is counted (the table has them all). */
const LISTED = 25;
const number = (n) => n.toLocaleString('en-US');
const plural = (n, one, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
const hash = (text) => `'sha256-${(0,builtins/* nodeCrypto */.SI)().createHash('sha256').update(text).digest('base64')}'`;
const nameOf = (k) => `${(0,neutralise/* htmlText */.js)(k.label || 'no label')} <code>${(0,neutralise/* htmlText */.js)(k.key)}</code>`;
function periodText(s) {
    const [first, last] = [s.days[0] ?? '', s.days.at(-1) ?? ''];
    return s.calendar ? `${s.days.length} server days, ${first} to ${last}` : `the last ${s.days.length}\u00d724 hours`;
}
function tile(value, what, tone = '') {
    return `<div class="tile${tone ? ` ${tone}` : ''}"><b>${value}</b><span>${what}</span></div>`;
}
function tiles(s) {
    const alerts = s.keys.filter((k) => k.alert).length;
    const spikes = s.keys.filter((k) => k.spike).length;
    const soon = runningOut(s).length;
    const idle = idleKeys(s).length;
    const used = s.keys.filter((k) => k.last > 0).length;
    const last = s.keys.reduce((n, k) => n + k.last, 0);
    const total = s.keys.reduce((n, k) => n + k.total, 0);
    const lastDay = s.calendar ? `on ${(0,neutralise/* htmlText */.js)(s.days.at(-1) ?? '')}` : 'in the last 24 h';
    return [
        '<div class="tiles">',
        tile(number(total), `requests over ${(0,neutralise/* htmlText */.js)(periodText(s))}`),
        tile(number(last), `requests ${lastDay}, by ${number(used)} of ${plural(s.keys.length, 'key')}`),
        tile(number(alerts), `${alerts === 1 ? 'key' : 'keys'} at or above ${s.threshold}% of the limit`, alerts ? 'bad' : ''),
        tile(number(spikes), `${spikes === 1 ? 'spike' : 'spikes'} on the last day`, spikes ? 'warn' : ''),
        tile(number(soon), `${soon === 1 ? 'key reaches' : 'keys reach'} the limit within ${s.forecastDays} days`, soon ? 'warn' : ''),
        tile(number(idle), `idle ${idle === 1 ? 'key' : 'keys'} (no request in the period)`),
        '</div>',
    ].join('\n');
}
/** A list of keys with what each one shows; the first LISTED, then how many more. */
function keyList(id, title, keys, what, none) {
    const items = keys.slice(0, LISTED).map((k) => `<li>${nameOf(k)} ${what(k)}</li>`);
    if (keys.length > LISTED)
        items.push(`<li class="more">\u2026 ${plural(keys.length - LISTED, 'more key')} in the table</li>`);
    const body = keys.length === 0 ? `<p class="none">${none}</p>` : `<ul>${items.join('')}</ul>`;
    return `<div class="list" id="${id}"><h3>${title} <small>${number(keys.length)}</small></h3>${body}</div>`;
}
function reachText(k) {
    if (k.reachesIn === 0)
        return '\u2014 <b>reached</b>';
    return `\u2014 on <b>${(0,neutralise/* htmlText */.js)(k.reachesOn ?? '')}</b> (in ${plural(k.reachesIn ?? 0, 'day')})`;
}
function lists(s, i) {
    const of = s.limitKind === 'lifetime' ? 'lifetime quota' : 'daily limit';
    const alerts = s.keys.filter((k) => k.alert).sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0));
    const spikes = s.keys.filter((k) => k.spike);
    const lastDay = s.calendar ? 'on the last day' : 'in the last 24 h';
    return [
        '<div class="lists">',
        keyList(`forecast-${i}`, `Reach their ${of} within ${s.forecastDays} days`, runningOut(s), reachText, 'None at their recent rate.'),
        keyList(`alerts-${i}`, `At or above ${s.threshold}% of their ${of}`, alerts, (k) => `\u2014 <b>${k.percent}%</b>`, 'None.'),
        keyList(`spikes-${i}`, `Spikes: above ${s.spikeFactor}\u00d7 their mean, at least ${number(s.spikeMinRequests)}`, spikes, (k) => `\u2014 <b>${number(k.last)}</b> ${lastDay}`, s.days.length < 2 ? 'Spikes need 2 days or more.' : 'None.'),
        keyList(`idle-${i}`, 'Idle: no request in the period (rotation candidates)', idleKeys(s), () => '', 'None.'),
        '</div>',
    ].join('\n');
}
function charts(s, i, top) {
    const daily = s.calendar
        ? `<figure><figcaption>Requests per server day, ${(0,neutralise/* htmlText */.js)(periodText(s))}</figcaption>` +
            `<div class="chart" data-chart="daily" data-server="${i}"></div></figure>`
        : `<p class="none">This server keeps no per-day counts: one window of ${(0,neutralise/* htmlText */.js)(periodText(s))}.</p>`;
    const of = s.limitKind === 'lifetime' ? 'lifetime quota used' : 'daily limit';
    const when = s.calendar ? 'per server day' : `over ${(0,neutralise/* htmlText */.js)(periodText(s))}`;
    const caption = top.unit === 'percent'
        ? `The keys nearest their limit: % of their ${of}${s.limitKind === 'lifetime' ? '' : ` ${when}`}`
        : `The busiest keys: requests ${when} (their limits are unknown)`;
    const busiest = top.keys.length > 0
        ? `<figure><figcaption>${caption}</figcaption>` +
            `<div class="chart" data-chart="top" data-server="${i}"></div></figure>`
        : '';
    return `<div class="charts">${daily}${busiest}</div>`;
}
function method(s) {
    const rows = s.method.map(([name, value]) => `<dt>${(0,neutralise/* htmlText */.js)(name)}</dt><dd>${(0,neutralise/* htmlText */.js)(value)}</dd>`);
    return `<details class="method"><summary>How these figures were read</summary><dl>${rows.join('')}</dl></details>`;
}
function serverSection(s, i, several, page) {
    const where = `${(0,neutralise/* htmlText */.js)(s.url)}${s.flavor ? ` (${(0,neutralise/* htmlText */.js)(s.flavor)})` : ''}`;
    const head = several
        ? `<h2>${(0,neutralise/* htmlText */.js)(s.name)} <small>${where}</small></h2>`
        : `<h2 class="sr">${(0,neutralise/* htmlText */.js)(s.name)}</h2>`;
    if (s.failure)
        return `<section class="server failed">${head}<p class="failure">Failed: ${(0,neutralise/* htmlText */.js)(s.failure)}</p></section>`;
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
function totalSection(data) {
    const ok = data.servers.filter((s) => !s.failure);
    const sum = (f) => ok.reduce((n, s) => n + s.keys.reduce((m, k) => m + f(k), 0), 0);
    const count = (f) => sum((k) => (f(k) ? 1 : 0));
    const soon = ok.reduce((n, s) => n + runningOut(s).length, 0);
    const failed = data.servers.length - ok.length;
    return [
        '<section class="server total" id="total">',
        `<h2>All ${data.servers.length} servers${failed ? ` <small class="bad">${failed} failed</small>` : ''}</h2>`,
        '<div class="tiles">',
        tile(number(sum((k) => k.total)), 'requests over the period, every server'),
        tile(number(sum((k) => k.last)), `requests on the last day, ${plural(count(() => true), 'key')} in all`),
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
function headerOf(data) {
    const one = data.servers.length === 1 ? data.servers[0] : undefined;
    const servers = one
        ? `${(0,neutralise/* htmlText */.js)(one.url)}${one.flavor ? ` (${(0,neutralise/* htmlText */.js)(one.flavor)})` : ''}`
        : data.servers.map((s) => (0,neutralise/* htmlText */.js)(s.name)).join(', ');
    const period = one ? `${(0,neutralise/* htmlText */.js)(periodText(one))} \u00b7 ` : '';
    const made = (0,neutralise/* htmlText */.js)(data.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'));
    return (`<header><h1>Usage of quota-proxy keys</h1><p>${period}${one ? 'server' : 'servers'} ${servers} \u00b7 ` +
        `made <time datetime="${(0,neutralise/* htmlText */.js)(data.generatedAt)}">${made}</time> ` +
        `by quota-keys ${(0,neutralise/* htmlText */.js)(data.version)}</p></header>`);
}
/**
 * uPlot formats numbers in navigator.language as it loads; a browser on a system without a locale
 * can report an invalid tag (Chromium: `en-US@posix`), which threw and left the page without charts
 * or table. This runs first and gives such a browser en-US.
 */
const LOCALE_GUARD = "try { new Intl.NumberFormat(navigator.language); } catch { Object.defineProperty(navigator, 'language', " +
    "{ value: 'en-US' }); }";
function renderDashboard(data, assets) {
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
    const title = data.servers.length === 1 ? `${data.servers[0].name}: key usage` : 'quota-proxy key usage';
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
        `<title>${(0,neutralise/* htmlText */.js)(title)}</title>`,
        ...styles.map((css) => `<style>${css}</style>`),
        '</head>',
        '<body>',
        headerOf(data),
        '<main>',
        several ? totalSection(data) : '',
        ...data.servers.map((s, i) => serverSection(s, i, several, model.servers[i])),
        '</main>',
        `<script type="application/json" id="dashboard-data">${json}</script>`,
        `<!-- uPlot: ${assets.chartLicense.trim()} -->`,
        ...scripts.map((js) => `<script>${js}</script>`),
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/render/dashboard/index.ts
// The usage dashboard (usage --html FILE): one self-contained HTML file. Loaded only when a
// dashboard is written: it reads the chart library it inlines.








/** A server whose run failed (a servers file's): its section says why, in place of figures. */
function failedServer(name, url, failure) {
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
function writeDashboard(file, servers, now = new Date()) {
    const data = { generatedAt: now.toISOString(), version: version/* VERSION */.x, servers };
    const html = renderDashboard(data, pageAssets());
    const temp = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${process.pid}.tmp`);
    (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
    try {
        (0,external_node_fs_.writeFileSync)(temp, html, { mode: 0o644 });
        (0,external_node_fs_.renameSync)(temp, file);
    }
    finally {
        (0,external_node_fs_.rmSync)(temp, { force: true });
    }
    return Buffer.byteLength(html);
}
/**
 * usage --html: writes the dashboard of `parts` (a section each; a failed one says why) to `file`,
 * and says so in `target` (the `html-path` output, the `dashboard` fact) and the log.
 */
function writeUsageDashboard(file, parts, target, log) {
    // The page is a file, not a log line: the logger's redactor is applied here, to every text it shows.
    const redact = (text) => log.redact(text);
    const servers = parts.map(({ name, url, report, rows }) => (0,from_report/* dashboardServer */.S)(report, rows, { name, url }, redact) ??
        failedServer(redact(name), redact(url), redact(report.failure ?? 'no usage figures')));
    const bytes = writeDashboard(file, servers);
    target.outputs['html-path'] = file;
    target.facts.set('dashboard', `${file} (${Math.ceil(bytes / 1024)} KB)`);
    log.info(`Dashboard${servers.length > 1 ? ` of ${servers.length} servers` : ''} written to ${file}.`);
}
/** One server's run (usage --html): its dashboard of the rows a KeptRows sink kept. */
function writeServerDashboard(file, url, report, rows, log) {
    writeUsageDashboard(file, [{ name: url.host, url: (0,redact/* redactUrl */.BO)(url.href), report, rows }], report, log);
}


/***/ })

};
