// The tables a report carries: one row type per kind, and its columns as every channel shows them
// (head for people, id for JSON, the text of a cell, the JSON value of a cell). A row holds keys
// only shortened: the CSV is the one channel for whole keys, so no table can leak one.
import type { Capabilities } from '../quota-proxy/types.js';
import { compareLabels, thousands } from '../shared/text.js';
import { type Limit, limitText } from './limit.js';

export type Json = string | number | boolean | null | Json[] | { [name: string]: Json };

export interface Column<R> {
  /** The JSON name (`created_utc`). */
  id: string;
  /** What a person reads (`Created (UTC)`). */
  head: string;
  text(row: R): string;
  /** The JSON value; default the text. */
  json?(row: R): Json;
  /** In JSON only: a field this server's keys do not have, left out where people read the table. */
  jsonOnly?: boolean;
}

/** `… 2,980 more keys in the CSV`: the line standing for the rows a table leaves out. */
export function moreRows<R>(spec: TableSpec<R>, count: number): string {
  const noun = spec.kind === 'servers' ? 'server' : 'key';
  return `… ${thousands(count)} more ${noun}${count === 1 ? '' : 's'} ${spec.rest ?? 'not shown'}`;
}

/** The columns people read (terminal, job summary): those not marked JSON only. */
export const peopleColumns = <R>(spec: TableSpec<R>) => spec.columns.filter((c) => !c.jsonOnly);

export type TableKind = 'keys' | 'issued' | 'planned' | 'usage' | 'trend' | 'outcome' | 'servers';

export interface TableSpec<R> {
  kind: TableKind;
  columns: readonly Column<R>[];
  /** The order rows are shown in; unset: as they come (a listing streams in the server's order). */
  order?: (a: R, b: R) => number;
  /** Where the rows a long table leaves out are, for `… 980 more keys <rest>`. */
  rest?: string;
  /** usage --days: the period's days (calendar days, or N×24 h windows). */
  days?: number;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : '');
/** `2026-01-15 08:09:10`: the UTC time people read (the column head says UTC); JSON keeps ISO 8601. */
const utc = (date: Date | null | undefined) => iso(date).replace('T', ' ').slice(0, 19);
const created = <R extends { createdAt: Date }>(): Column<R> => ({
  id: 'created_utc',
  head: 'Created (UTC)',
  text: (r) => utc(r.createdAt),
  json: (r) => iso(r.createdAt),
});
const numberOrNull = (value: number | undefined) => (value === undefined ? null : value);

const label = <R extends { label: string }>(): Column<R> => ({ id: 'label', head: 'Label', text: (r) => r.label });
const key = <R extends { key: string }>(): Column<R> => ({ id: 'key', head: 'Key', text: (r) => r.key });
const limitColumn = <R extends { limit?: Limit }>(head = 'Daily limit'): Column<R> => ({
  id: 'daily_limit',
  head,
  text: (r) => (r.limit ? limitText(r.limit) : '—'),
  json: (r) => (r.limit ? limitJson(r.limit) : null),
});

/** A limit in JSON: its number (or null) and where it came from. */
export function limitJson(limit: Limit): Json {
  if (limit.kind === 'lifetime')
    return { total_quota: numberOrNull(limit.value), used_quota: numberOrNull(limit.used) };
  return { value: numberOrNull(limit.value), source: limit.value === undefined ? 'unknown' : limit.source };
}

/** Labels in batch order (`x-002` before `x-010`), numbers compared as numbers. */
export const byLabel = <R extends { label: string }>(a: R, b: R) => compareLabels(a.label, b.label);

/** list: every key the server has. */
export interface KeyRow {
  label: string;
  key: string;
  limit: Limit;
  createdAt: Date;
  expiresAt?: Date | null;
  usedToday?: number;
  status?: string;
}

/**
 * The server's capabilities say what its keys carry: a lifetime quota (v10) or a daily limit, and the
 * fields beyond (`listed`); undefined (not known): a daily limit and every field.
 */
export const keysTable = (
  rest: string,
  capabilities?: Pick<Capabilities, 'listed' | 'lifetimeQuota'>,
): TableSpec<KeyRow> => {
  const listed = capabilities && (capabilities.listed ?? {});
  return {
    kind: 'keys',
    rest,
    columns: [
      label(),
      key(),
      limitColumn(capabilities?.lifetimeQuota ? 'Used / total quota' : 'Daily limit'),
      created(),
      {
        id: 'expires_utc',
        head: 'Expires (UTC)',
        text: (r) => utc(r.expiresAt),
        json: (r) => iso(r.expiresAt) || null,
        jsonOnly: listed !== undefined && !listed.expires,
      },
      {
        id: 'used_today',
        head: 'Used today',
        text: (r) => (r.usedToday === undefined ? '' : String(r.usedToday)),
        json: (r) => numberOrNull(r.usedToday),
        jsonOnly: listed !== undefined && !listed.usedToday,
      },
      {
        id: 'status',
        head: 'Status',
        text: (r) => r.status ?? '',
        json: (r) => r.status ?? null,
        jsonOnly: listed !== undefined && !listed.status,
      },
    ],
  };
};

/** generate, batch, rotate's replacements: each key made (or re-exported), in the CSV. */
export interface IssuedRow {
  label: string;
  key: string;
  limit?: Limit;
  createdAt: Date;
}

export const issuedTable = (): TableSpec<IssuedRow> => ({
  kind: 'issued',
  rest: 'in the CSV',
  order: byLabel,
  columns: [label(), key(), limitColumn(), created()],
});

/** A dry run's keys: what would be created. */
export interface PlannedRow {
  label: string;
  dailyLimit: number;
  expiresAt?: Date;
  /** `would create`, or why not (the admin rate limit). */
  result: string;
}

export const plannedTable = (rest: string): TableSpec<PlannedRow> => ({
  kind: 'planned',
  rest,
  columns: [
    label(),
    { id: 'daily_limit', head: 'Daily limit', text: (r) => String(r.dailyLimit), json: (r) => r.dailyLimit },
    { id: 'expires_utc', head: 'Expires (UTC)', text: (r) => utc(r.expiresAt), json: (r) => iso(r.expiresAt) || null },
    { id: 'result', head: 'Result', text: (r) => r.result },
  ],
});

/** usage (one day) and monitor: each key's requests against its limit, busiest first. */
export interface UsageRow {
  label: string;
  key: string;
  requests: number;
  limit: Limit;
  percent?: number;
  alert: boolean;
}

const percentColumn = <R extends { percent?: number }>(): Column<R> => ({
  id: 'percent',
  head: 'Percent',
  text: (r) => (r.percent === undefined ? '-' : `${r.percent}%`),
  json: (r) => numberOrNull(r.percent),
});

export const usageTable = (lifetime: boolean): TableSpec<UsageRow> => ({
  kind: 'usage',
  rest: 'not shown',
  columns: [
    label(),
    key(),
    {
      id: 'requests',
      head: lifetime ? 'Requests (last day)' : 'Requests',
      text: (r) => String(r.requests),
      json: (r) => r.requests,
    },
    limitColumn(lifetime ? 'Used / total quota' : 'Daily limit'),
    percentColumn(),
  ],
});

/** usage --days N: each key over the N days, busiest first. */
export interface TrendRow {
  label: string;
  key: string;
  /** The report day's requests and percent of the limit (the old tool's `使用率` line). */
  requests: number;
  percent?: number;
  total: number;
  last: number;
  /** The busiest day's requests (calendar days only). */
  peak?: number;
  limit: Limit;
  /** The day the limit is reached at the recent rate, `reached`, or '' (not within the forecast). */
  reaches: string;
  /** Days after the last day until the limit is reached (0: reached); undefined: not at this rate. */
  reachesIn?: number;
  note: string;
  /** At or above alert-threshold on the report's day. */
  alert: boolean;
  spike: boolean;
  /** Requests per server day, oldest first (servers that keep calendar days). */
  perDay?: ArrayLike<number>;
}

export const trendTable = (days: number, lifetime: boolean): TableSpec<TrendRow> => ({
  kind: 'trend',
  rest: 'not shown',
  days,
  columns: [
    label(),
    key(),
    {
      id: 'requests_period',
      head: lifetime ? `Requests (${days}×24 h)` : `Requests (${days} days)`,
      text: (r) => String(r.total),
      json: (r) => r.total,
    },
    { id: 'last', head: lifetime ? 'Last 24 h' : 'Last day', text: (r) => String(r.last), json: (r) => r.last },
    ...(lifetime
      ? []
      : [
          {
            id: 'busiest_day',
            head: 'Busiest day',
            text: (r: TrendRow) => String(r.peak ?? ''),
            json: (r: TrendRow) => numberOrNull(r.peak),
          },
        ]),
    limitColumn<TrendRow>(lifetime ? 'Used / total quota' : 'Daily limit'),
    {
      id: 'limit_reached',
      head: lifetime ? 'Quota runs out' : 'Limit reached',
      text: (r) => r.reaches,
      json: (r) => r.reaches || null,
    },
    { id: 'note', head: 'Note', text: (r) => r.note },
  ],
});

/** delete, reset, rotate: what became of each key acted on. */
export interface OutcomeRow {
  label: string;
  key: string;
  createdAt?: Date;
  result: string;
  /** rotate --replace: the new key (label and shortened key), or why there is none. */
  replacement?: string;
}

/** `inOrder`: the rows as given (rotate: oldest first), else by label. */
export const outcomeTable = (shape: {
  created: boolean;
  replacement: boolean;
  inOrder?: boolean;
}): TableSpec<OutcomeRow> => ({
  kind: 'outcome',
  rest: 'not shown',
  ...(shape.inOrder ? {} : { order: byLabel }),
  columns: [
    label(),
    key(),
    ...(shape.created ? [{ id: 'created_utc', head: 'Created (UTC)', text: (r: OutcomeRow) => iso(r.createdAt) }] : []),
    { id: 'result', head: 'Result', text: (r) => r.result },
    ...(shape.replacement
      ? [{ id: 'replacement', head: 'Replacement', text: (r: OutcomeRow) => r.replacement ?? '' }]
      : []),
  ],
});

/** config: one row per server. */
export interface ServerRow {
  server: string;
  url: string;
  flavor?: string;
  healthy?: boolean;
  result: string;
  counts: Partial<Record<'created' | 'failed' | 'listed' | 'deleted' | 'alerts', number>>;
}

const count = (id: keyof ServerRow['counts'], head: string): Column<ServerRow> => ({
  id,
  head,
  text: (r) => (r.counts[id] === undefined ? '' : String(r.counts[id])),
  json: (r) => numberOrNull(r.counts[id]),
});

export const serversTable = (): TableSpec<ServerRow> => ({
  kind: 'servers',
  columns: [
    { id: 'server', head: 'Server', text: (r) => r.server },
    { id: 'url', head: 'URL', text: (r) => r.url },
    { id: 'flavor', head: 'Flavor', text: (r) => r.flavor ?? '', json: (r) => r.flavor ?? null },
    {
      id: 'healthy',
      head: 'Healthy',
      text: (r) => (r.healthy === undefined ? '' : String(r.healthy)),
      json: (r) => (r.healthy === undefined ? null : r.healthy),
    },
    { id: 'result', head: 'Result', text: (r) => r.result },
    count('created', 'Created'),
    count('failed', 'Failed'),
    count('listed', 'Listed'),
    count('deleted', 'Deleted'),
    count('alerts', 'Alerts'),
  ],
});
