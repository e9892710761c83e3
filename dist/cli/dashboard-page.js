// The dashboard's script, inlined into the page (see html.ts, which allows it by its hash): draws
// the charts with uPlot and builds each server's key table (sort, filter, pages) from the JSON in
// #dashboard-data (page-model.ts). Text from the server is only ever set as textContent. A classic
// script (file:// loads no module): its top-level names are the page's own, beside uPlot's.
const model = JSON.parse(document.getElementById('dashboard-data').textContent);
const FLAG = { alert: 1, spike: 2, idle: 4, runningOut: 8 };
const LEVELS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const PAGE = 50;
const numbers = new Intl.NumberFormat('en-US');
const collator = new Intl.Collator('en', { numeric: true });
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const palette = () => ['--c1', '--c2', '--c3', '--c4', '--c5', '--c6', '--c7', '--c8'].map(css);
const charts = [];

const el = (tag, props, ...children) => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
};

// ---- charts ------------------------------------------------------------------------------
const axis = (extra) => ({
  stroke: css('--muted'),
  grid: { stroke: css('--grid'), width: 1 },
  ticks: { stroke: css('--grid'), width: 1 },
  ...extra,
});
const dayAxis = (days) =>
  axis({ space: 46, incrs: [1, 2, 7, 14, 28], values: (_u, splits) => splits.map((i) => (days[i] ?? '').slice(5)) });
const countAxis = (extra) => axis({ size: 60, values: (_u, splits) => splits.map((v) => numbers.format(v)), ...extra });
const dayLegend = (days) => ({ label: 'Day', value: (_u, i) => (i == null ? '' : days[i]) });
const countValue = (_u, v) => (v == null ? '\u2013' : numbers.format(v));
/** A y range from 0 to a round number above `max`. */
const fromZero = (max) => uPlot.rangeNum(0, Math.max(1, max), 0.1, true);

function chart(target, opts, data) {
  const width = () => Math.max(280, target.clientWidth);
  // Away from the chart, its legend reads the last point (uPlot's own shows blanks: "Day: Requests: \u2013").
  const last = data[0].length - 1;
  const showLast = (u) => u.cursor.idx == null && last >= 0 && u.setLegend({ idx: last }, false);
  const hooks = { ready: [showLast], setCursor: [showLast] };
  const plot = new uPlot({ width: width(), height: 240, ...opts, hooks }, data, target);
  charts.push({ plot, target, width });
  return plot;
}

function dailyChart(target, server) {
  const days = server.days;
  const x = days.map((_d, i) => i);
  chart(
    target,
    {
      scales: {
        x: { time: false },
        y: { range: (_u, _min, max) => fromZero(max) },
        keys: { range: (_u, _min, max) => fromZero(max) },
      },
      axes: [dayAxis(days), countAxis(), countAxis({ side: 1, scale: 'keys', grid: { show: false } })],
      series: [
        dayLegend(days),
        { label: 'Requests', stroke: css('--c1'), width: 2.5, fill: css('--fill'), value: countValue },
        { label: 'Keys used', stroke: css('--c5'), width: 2, dash: [6, 4], scale: 'keys', value: countValue },
      ],
    },
    [x, server.totals, server.keysUsed],
  );
}

/** Labels for a legend: the label, or the key without one; equal labels told apart by their key. */
function legendNames(keys) {
  const names = keys.map((k) => k.label || k.key);
  return names.map((n, i) => (names.indexOf(n) === names.lastIndexOf(n) ? n : `${n} (${keys[i].key})`));
}

function topChart(target, server) {
  const { unit, keys } = server.top;
  const percent = unit === 'percent';
  const colors = palette();
  const names = legendNames(keys);
  const value = percent ? (_u, v) => (v == null ? '\u2013' : `${Math.round(v)}%`) : countValue;
  const yAxis = percent ? axis({ size: 50, values: (_u, splits) => splits.map((v) => `${v}%`) }) : countAxis();
  const y = { range: (_u, _min, max) => fromZero(percent ? Math.max(100, max) : max) };
  if (server.calendar) {
    const days = server.days;
    const series = keys.map((_k, i) => ({ label: names[i], stroke: colors[i % colors.length], width: 2, value }));
    const data = [days.map((_d, i) => i), ...keys.map((k) => k.values)];
    if (percent) {
      series.push({ label: 'Alert at', stroke: css('--fg'), width: 1, dash: [5, 5] });
      series.at(-1).points = { show: false };
      series.at(-1).value = () => `${server.threshold}%`;
      data.push(days.map(() => server.threshold));
    }
    chart(
      target,
      { scales: { x: { time: false }, y }, axes: [dayAxis(days), yAxis], series: [dayLegend(days), ...series] },
      data,
    );
    return;
  }
  // No per-day counts: one bar a key, over the window.
  chart(
    target,
    {
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y },
      axes: [axis({ space: 20, incrs: [1], values: (_u, splits) => splits.map((i) => names[i] ?? '') }), yAxis],
      series: [
        { label: 'Key', value: (_u, i) => (i == null ? '' : names[i]) },
        {
          label: percent ? (server.limitKind === 'lifetime' ? 'Quota used' : 'Of the limit') : 'Requests',
          stroke: css('--c1'),
          fill: css('--c1'),
          paths: uPlot.paths.bars({ size: [0.6, 60] }),
          points: { show: false },
          value,
        },
      ],
    },
    [names.map((_n, i) => i), keys.map((k) => k.values[0])],
  );
}

function totalChart(target) {
  const days = model.total.days;
  const colors = palette();
  const onDay = (server) => days.map((d) => (server.days.includes(d) ? server.totals[server.days.indexOf(d)] : null));
  const shown = model.servers.filter((s) => s.calendar && s.days.length > 0);
  chart(
    target,
    {
      scales: { x: { time: false }, y: { range: (_u, _min, max) => fromZero(max) } },
      axes: [dayAxis(days), countAxis()],
      series: [
        dayLegend(days),
        { label: 'All servers', stroke: css('--fg'), width: 3, value: countValue },
        ...shown.map((s, i) => ({ label: s.name, stroke: colors[i % colors.length], width: 2, value: countValue })),
      ],
    },
    [days.map((_d, i) => i), model.total.totals, ...shown.map(onDay)],
  );
}

/** A key's shape over the days: a small chart without axes, from its levels (page-model.ts). */
function sparkline(target, spark) {
  const levels = [...spark].map((c) => LEVELS.indexOf(c));
  return new uPlot(
    {
      width: 120,
      height: 26,
      class: 'spark',
      pxAlign: false,
      cursor: { show: false },
      legend: { show: false },
      scales: { x: { time: false }, y: { range: [0, LEVELS.length - 1] } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: css('--c1'), width: 1.5, fill: css('--fill') }],
    },
    [levels.map((_l, i) => i), levels],
    target,
  );
}

// ---- the key table -----------------------------------------------------------------------
function columnsOf(server) {
  const n = server.days.length;
  const lifetime = server.limitKind === 'lifetime';
  const cols = [
    { name: 'Label', cell: (r) => r[0] || 'no label', sort: (a, b) => collator.compare(a[0], b[0]), cls: 'label' },
    { name: 'Key', cell: (r) => r[1], sort: (a, b) => collator.compare(a[1], b[1]), code: true },
    { name: server.calendar ? `Requests (${n} days)` : `Requests (${n}\u00d724 h)`, num: 2 },
    { name: server.calendar ? 'Last day' : 'Last 24 h', num: 3 },
  ];
  if (server.calendar) cols.push({ name: 'Busiest day', num: 4 });
  if (lifetime) cols.push({ name: 'Quota used', num: 6 }, { name: 'Quota', num: 5 });
  else cols.push({ name: 'Daily limit', num: 5 });
  cols.push(
    { name: lifetime ? '% of quota' : '% last day', num: 7, fmt: (v) => `${v}%`, cls: 'pct' },
    {
      name: lifetime ? 'Quota runs out' : 'Limit reached',
      cell: (r) => (r[9] === 0 ? 'reached' : (r[8] ?? '')),
      sort: (a, b) => (a[9] ?? 1e9) - (b[9] ?? 1e9),
    },
  );
  if (server.calendar) cols.push({ name: `Trend (${n} days)`, spark: true });
  cols.push({ name: 'Note', cell: noteOf, sort: (a, b) => a[10] - b[10], cls: 'note' });
  for (const col of cols) {
    if (col.num === undefined) continue;
    const i = col.num;
    const fmt = col.fmt ?? ((v) => numbers.format(v));
    col.cell = (r) => (r[i] == null ? '' : fmt(r[i]));
    col.sort = (a, b) => (a[i] ?? -1) - (b[i] ?? -1);
    col.cls = `num ${col.cls ?? ''}`.trim();
  }
  return cols;
}

function noteOf(r) {
  const notes = [];
  if (r[10] & FLAG.alert) notes.push('alert');
  if (r[10] & FLAG.spike) notes.push('spike');
  if (r[10] & FLAG.runningOut) notes.push('runs out soon');
  if (r[10] & FLAG.idle) notes.push('idle');
  return notes.join(', ');
}

const FILTERS = [
  ['all', 'Every key', () => true],
  ['alert', 'At the alert threshold', (r) => r[10] & FLAG.alert],
  ['spike', 'Spikes', (r) => r[10] & FLAG.spike],
  ['soon', 'Reaching the limit soon', (r) => r[10] & FLAG.runningOut],
  ['idle', 'Idle', (r) => r[10] & FLAG.idle],
];

/** A server's key table: its elements and what it shows (filter, sort, page). */
function tableView(server) {
  const view = { server, cols: columnsOf(server), sparks: [] };
  view.state = { text: '', filter: FILTERS[0][2], sort: -1, dir: 1, page: 0, rows: server.rows };
  view.search = el('input', { type: 'search', placeholder: 'Filter by label or key', ariaLabel: 'Filter keys' });
  view.which = el('select', { ariaLabel: 'Which keys' });
  for (const [value, text] of FILTERS) view.which.append(el('option', { value, textContent: text }));
  view.count = el('output');
  view.prev = el('button', { type: 'button', textContent: '\u2039 Previous' });
  view.next = el('button', { type: 'button', textContent: 'Next \u203a' });
  view.heads = view.cols.map((col, c) => {
    const th = el('th', { scope: 'col', className: col.cls?.includes('num') ? 'num' : '' });
    if (!col.sort) th.textContent = col.name;
    else {
      const button = el('button', { type: 'button', textContent: col.name });
      button.addEventListener('click', () => sortBy(view, c));
      th.append(button);
    }
    return th;
  });
  view.body = el('tbody');
  return view;
}

function keyTable(holder, server) {
  const view = tableView(server);
  const { search, which, count, prev, next } = view;
  const table = el('table', {}, el('thead', {}, el('tr', {}, ...view.heads)), view.body);
  holder.replaceChildren(
    el('div', { className: 'controls' }, search, which, count, prev, next),
    el('div', { className: 'table-wrap' }, table),
  );
  search.addEventListener('input', () => {
    view.state.text = search.value.trim();
    refilter(view);
  });
  which.addEventListener('change', () => {
    view.state.filter = FILTERS.find(([value]) => value === which.value)[2];
    refilter(view);
  });
  prev.addEventListener('click', () => turn(view, -1));
  next.addEventListener('click', () => turn(view, 1));
  renderRows(view);
}

function refilter(view) {
  const { state, server, cols } = view;
  const text = state.text.toLowerCase();
  state.rows = server.rows.filter(
    (r) => state.filter(r) && (!text || r[0].toLowerCase().includes(text) || r[1].toLowerCase().includes(text)),
  );
  if (state.sort >= 0) state.rows.sort((a, b) => state.dir * cols[state.sort].sort(a, b));
  state.page = 0;
  renderRows(view);
}

/** Sorts by column `c`: numbers largest first, text A to Z; the same column again turns it round. */
function sortBy(view, c) {
  const { state, cols } = view;
  state.dir = state.sort === c ? -state.dir : cols[c].num !== undefined ? -1 : 1;
  state.sort = c;
  view.heads.forEach((th, i) => {
    if (i === c) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  });
  state.rows.sort((a, b) => state.dir * cols[c].sort(a, b));
  state.page = 0;
  renderRows(view);
}

function turn(view, pages) {
  view.state.page += pages;
  renderRows(view);
}

/** The page of rows shown, PAGE at a time, each key's sparkline drawn (only these: 10,000 would be slow). */
function renderRows(view) {
  const { state, server, cols } = view;
  for (const s of view.sparks) s.destroy();
  view.sparks = [];
  const pages = Math.max(1, Math.ceil(state.rows.length / PAGE));
  state.page = Math.min(Math.max(0, state.page), pages - 1);
  const first = state.page * PAGE;
  const shown = state.rows.slice(first, first + PAGE);
  const fragment = document.createDocumentFragment();
  for (const r of shown) {
    const tr = el('tr', { className: r[10] & FLAG.alert ? 'alert' : '' });
    for (const col of cols) {
      const td = el('td', { className: col.cls ?? '' });
      if (col.spark) {
        if (r[11]) view.sparks.push(sparkline(td, r[11]));
      } else if (col.code) td.append(el('code', { textContent: col.cell(r) }));
      else td.textContent = col.cell(r);
      tr.append(td);
    }
    fragment.append(tr);
  }
  view.body.replaceChildren(fragment);
  const of = state.rows.length === server.rows.length ? '' : ` (of ${numbers.format(server.rows.length)})`;
  view.count.value =
    state.rows.length === 0
      ? 'No key matches'
      : `Keys ${numbers.format(first + 1)}\u2013${numbers.format(first + shown.length)} of ` +
        `${numbers.format(state.rows.length)}${of}`;
  view.prev.disabled = state.page === 0;
  view.next.disabled = state.page >= pages - 1;
}

// ---- wiring ------------------------------------------------------------------------------
for (const target of document.querySelectorAll('[data-chart]')) {
  const server = model.servers[Number(target.dataset.server)];
  if (target.dataset.chart === 'daily') dailyChart(target, server);
  else if (target.dataset.chart === 'top') topChart(target, server);
  else if (target.dataset.chart === 'total') totalChart(target);
}
for (const holder of document.querySelectorAll('.keys[data-server]'))
  keyTable(holder, model.servers[Number(holder.dataset.server)]);
let resizing = 0;
addEventListener('resize', () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(() => {
    for (const { plot, width } of charts) plot.setSize({ width: width(), height: 240 });
  });
});
document.documentElement.dataset.drawn = String(charts.length);
