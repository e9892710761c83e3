import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  type DevServer,
  type DevServerOptions,
  devServerMain,
  FLAVORS,
  type Flavor,
  startDevServer,
} from '../src/dev-server/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const servers: DevServer[] = [];
async function start(opts: DevServerOptions = {}): Promise<DevServer> {
  const s = await startDevServer(opts);
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function call(
  s: DevServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const h: Record<string, string> = { authorization: `Bearer ${s.token}`, ...headers };
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    h['content-type'] ??= 'application/json';
  }
  const r = await fetch(s.url + path, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}
const get = (s: DevServer, p: string, h?: Record<string, string>) => call(s, 'GET', p, undefined, h);
const post = (s: DevServer, p: string, b?: unknown, h?: Record<string, string>) => call(s, 'POST', p, b, h);
const del = (s: DevServer, p: string) => call(s, 'DELETE', p);
const put = (s: DevServer, p: string, b?: unknown) => call(s, 'PUT', p, b);
const chat = (s: DevServer, key: string) =>
  call(
    s,
    'POST',
    '/v1/chat/completions',
    { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
    { authorization: `Bearer ${key}` },
  );

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function localDay(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function daysAgo(n: number): string {
  const d = new Date();
  return localDay(new Date(d.getFullYear(), d.getMonth(), d.getDate() - n, 12));
}
const expressHtml404 = (method: string, path: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta ` +
  `charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`;

async function expectHtml404(r: Promise<Res>, method: string, path: string): Promise<void> {
  const res = await r;
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.text).toBe(expressHtml404(method, path));
}

const KEY_FORMAT: Record<Flavor, RegExp> = {
  v1: /^sk-[0-9a-f]{48}$/,
  v01: /^trial_[0-9a-f]{36}$/,
  v1p: /^roc_[0-9a-f]{32}$/,
  v1a: /^trial_[0-9a-f]{32}$/,
  v10: /^roc_\d{13}-[0-9a-z]{9}$/,
};
const LABEL = '测试, "quoted"\nsecond line';

describe('all flavors', () => {
  test('FLAVORS lists the five flavors', () => {
    expect([...FLAVORS]).toEqual(['v1', 'v01', 'v1p', 'v1a', 'v10']);
  });

  test.each(FLAVORS.map((f) => [f]))('%s: auth, key format, labels, chat counting, HTML 404', async (flavor) => {
    const s = await start({ flavor, dailyLimit: 2 });
    expect(s.flavor).toBe(flavor);
    expect(s.token).toMatch(/^[0-9a-f]{32}$/);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // 401 with the flavor's error shape; missing and wrong token alike
    for (const headers of [{ authorization: '' }, { authorization: 'Bearer nope' }]) {
      const r = await get(s, '/admin/keys', headers);
      expect(r.status).toBe(401);
      if (flavor === 'v1' || flavor === 'v01') expect(typeof r.json.error.message).toBe('string');
      else expect(typeof r.json.error).toBe('string');
    }
    // x-admin-token is accepted everywhere; ?admin_token= only on v10
    expect((await get(s, '/admin/keys', { authorization: '', 'x-admin-token': s.token })).status).toBe(200);
    expect((await get(s, `/admin/keys?admin_token=${s.token}`, { authorization: '' })).status).toBe(
      flavor === 'v10' ? 200 : 401,
    );

    // create: key format per flavor, UTF-8 label with comma/quotes/newline round-trips
    const created = await post(s, '/admin/keys', { label: LABEL });
    expect(created.status).toBe(200);
    expect(created.json.key).toMatch(KEY_FORMAT[flavor]);
    expect(created.json.label).toBe(LABEL);
    const key: string = created.json.key;
    expect(s.allKeys().map((k) => [k.key, k.label])).toEqual([[key, LABEL]]);
    for (const k of s.seedKeys(3)) expect(k).toMatch(KEY_FORMAT[flavor]);

    // malformed JSON → 400 JSON
    const bad = await post(s, '/admin/keys', '{"label": ');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(bad.json.error).toBeDefined();

    // chat completions: unknown key 401, counted requests, 429 over the limit (dailyLimit 2; v10: lifetime quota)
    expect((await chat(s, 'sk-unknown')).status).toBe(401);
    const ok = await chat(s, key);
    expect(ok.status).toBe(200);
    expect(ok.json.object).toBe('chat.completion');
    expect(ok.json.choices[0].message.role).toBe('assistant');
    expect((await chat(s, key)).status).toBe(200);
    if (flavor !== 'v10') expect((await chat(s, key)).status).toBe(429);

    // routes the flavor lacks: Express's HTML 404
    await expectHtml404(call(s, 'PATCH', '/admin/keys/xyz'), 'PATCH', '/admin/keys/xyz');
    await expectHtml404(get(s, '/nope?x=1'), 'GET', '/nope');
    if (flavor === 'v1a') {
      await expectHtml404(del(s, '/admin/keys/xyz'), 'DELETE', '/admin/keys/xyz');
      await expectHtml404(post(s, '/admin/usage/reset', {}), 'POST', '/admin/usage/reset');
    }
    if (flavor !== 'v10') {
      await expectHtml404(post(s, '/admin/reset-usage', { key }), 'POST', '/admin/reset-usage');
      await expectHtml404(put(s, `/admin/keys/${key}`, { label: 'x' }), 'PUT', `/admin/keys/${key}`);
      await expectHtml404(get(s, '/admin/stats'), 'GET', '/admin/stats');
    } else {
      await expectHtml404(post(s, '/admin/usage/reset', {}), 'POST', '/admin/usage/reset');
    }
    expect(s.requests[0]).toEqual({ method: 'GET', path: '/admin/keys' });
    expect(s.requests).toContainEqual({ method: 'GET', path: '/nope?x=1' });
  });
});

describe('v1', () => {
  test('keys: create ignores daily_limit/count, newest first, delete', async () => {
    const s = await start({ flavor: 'v1' });
    const old = s.seedKeys(2, { labelPrefix: 'old-', createdAt: new Date(Date.now() - 86_400_000) });
    const c = await post(s, '/admin/keys', { label: 'ci', daily_limit: 5, count: 10 });
    expect(c.status).toBe(200);
    expect(Object.keys(c.json).sort()).toEqual(['created_at', 'key', 'label']);
    expect(Math.abs(c.json.created_at - Date.now())).toBeLessThan(5000);
    const list = await get(s, '/admin/keys');
    expect(list.json.keys.map((k: any) => k.key)).toEqual([c.json.key, old[1], old[0]]);
    expect(list.json.keys[1]).toEqual({ key: old[1], label: 'old-2', created_at: expect.any(Number) });
    expect(s.allKeys().find((k) => k.key === c.json.key)?.dailyLimit).toBeUndefined();

    expect((await del(s, `/admin/keys/${c.json.key}`)).json).toEqual({ deleted: true });
    const again = await del(s, `/admin/keys/${c.json.key}`);
    expect(again.status).toBe(404);
    expect(typeof again.json.error.message).toBe('string');
    expect((await get(s, '/admin/keys')).json.keys).toHaveLength(2);
  });

  test('usage paging and reset', async () => {
    const s = await start({ flavor: 'v1' });
    const [a, b] = s.seedKeys(2, { labelPrefix: 'u' }) as [string, string];
    s.recordUsage(a, 5);
    s.recordUsage(b, 1);
    s.recordUsage(a, 3, daysAgo(1));
    const page = await get(s, '/admin/usage?limit=2&offset=0');
    expect(page.json).toMatchObject({ total: 3, limit: 2, offset: 0, has_more: true });
    expect(page.json.items).toHaveLength(2);
    expect(page.json.items.every((i: any) => i.day === localDay())).toBe(true);
    expect(page.json.items).toContainEqual({
      day: localDay(),
      trial_key: a,
      label: 'u1',
      requests: 5,
      updated_at: expect.any(Number),
    });
    const rest = await get(s, '/admin/usage?limit=2&offset=2');
    expect(rest.json).toMatchObject({ total: 3, offset: 2, has_more: false });
    expect(rest.json.items).toEqual([
      { day: daysAgo(1), trial_key: a, label: 'u1', requests: 3, updated_at: expect.any(Number) },
    ]);
    expect((await get(s, '/admin/usage?limit=5000')).json.limit).toBe(1000);
    expect((await get(s, '/admin/usage')).json.limit).toBe(50);

    expect((await post(s, '/admin/usage/reset', { day: localDay() })).status).toBe(400);
    expect((await post(s, '/admin/usage/reset', { trial_key: a })).status).toBe(400);
    expect((await post(s, '/admin/usage/reset', { day: '2001-01-01', trial_key: a })).status).toBe(404);
    const reset = await post(s, '/admin/usage/reset', { day: localDay(), trial_key: a });
    expect(reset.status).toBe(200);
    expect(reset.json.reset).toBe(true);
    // As upstream: the row stays, at 0 requests (a second reset finds it and answers 200).
    const after = await get(s, '/admin/usage');
    expect(after.json.total).toBe(3);
    expect(after.json.items.map((i: any) => [i.trial_key, i.day, i.requests])).toEqual(
      expect.arrayContaining([
        [a, localDay(), 0],
        [b, localDay(), 1],
        [a, daysAgo(1), 3],
      ]),
    );
  });

  test('health endpoints and modes', async () => {
    const s = await start({ flavor: 'v1' });
    expect((await get(s, '/healthz')).json).toEqual({ ok: true });
    expect((await get(s, '/healthz/db')).json.ok).toBe(true);
    const admin = await get(s, '/admin/healthz');
    expect(admin.json).toMatchObject({ ok: true, service: 'quota-proxy-admin' });
    expect((await get(s, '/admin/healthz', { authorization: '' })).status).toBe(401);

    s.setHealth('error500');
    const e = await get(s, '/healthz');
    expect(e.status).toBe(500);
    expect(e.json).toEqual({ ok: false, error: 'database unavailable' });
    expect((await get(s, '/healthz/db')).status).toBe(500);
    s.setHealth('okFalse');
    const f = await get(s, '/healthz');
    expect(f.status).toBe(200);
    expect(f.json.ok).toBe(false);
    s.setHealth('hang');
    await expect(fetch(s.url + '/healthz', { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    s.setHealth('ok');
    expect((await get(s, '/healthz')).status).toBe(200);
  });
});

describe('v01', () => {
  test('native batch create, list, delete', async () => {
    const s = await start({ flavor: 'v01' });
    const one = await post(s, '/admin/keys', { label: 'solo' });
    expect(Object.keys(one.json).sort()).toEqual(['created_at', 'key', 'label']);
    const batch = await post(s, '/admin/keys', { label: 'same', count: 3 });
    expect(batch.json.count).toBe(3);
    expect(batch.json.keys.map((k: any) => k.label)).toEqual(['same', 'same', 'same']);
    for (const k of batch.json.keys) expect(k.key).toMatch(KEY_FORMAT.v01);
    expect(batch.json.summary).toMatchObject({ total: 3, label: 'same', prefix: 'trial_' });
    // As upstream: no per-key labels (`labels` is ignored), count clamped to 1..100, prefix honoured.
    const named = await post(s, '/admin/keys', { count: 2, label: 'first', labels: ['甲', 'b,c'] });
    expect(named.json.keys.map((k: any) => k.label)).toEqual(['first', 'first']);
    expect((await post(s, '/admin/keys', { count: 0 })).json.key).toMatch(KEY_FORMAT.v01);
    expect((await post(s, '/admin/keys', { count: 101 })).json.keys).toHaveLength(100);
    expect((await post(s, '/admin/keys', { count: 'x' })).json).toMatchObject({ count: null, keys: [] });
    expect((await post(s, '/admin/keys', { prefix: 'p_' })).json.key).toMatch(/^p_[0-9a-f]{36}$/);
    const list = await get(s, '/admin/keys');
    expect(list.json.mode).toBe('file');
    expect(list.json.count).toBe(108);
    expect(list.json.keys[0]).toEqual(one.json); // insertion order (a JSON file)

    const gone = await del(s, `/admin/keys/${one.json.key}`);
    expect(gone.status).toBe(200);
    expect(gone.json).toEqual({ deleted: true, key: one.json.key });
    const absent = await del(s, '/admin/keys/a%2Fb%20c');
    expect(absent.status).toBe(200);
    expect(absent.json).toEqual({ deleted: false, key: 'a/b c' });
  });

  test('usage by day/key and reset via query string', async () => {
    const s = await start({ flavor: 'v01' });
    const [a, b] = s.seedKeys(2) as [string, string];
    s.recordUsage(a, 4);
    s.recordUsage(b, 2);
    s.recordUsage(a, 7, '2026-01-02');
    const day = await get(s, `/admin/usage?day=${localDay()}`);
    expect(day.json.day).toBe(localDay());
    expect(day.json.mode).toBe('file');
    expect(day.json.items).toHaveLength(2);
    expect(day.json.items).toContainEqual({ key: a, label: 'seed-1', req_count: 4, updated_at: expect.any(Number) });
    const oneKey = await get(s, `/admin/usage?day=2026-01-02&key=${a}`);
    expect(oneKey.json.items).toEqual([{ key: a, label: 'seed-1', req_count: 7, updated_at: expect.any(Number) }]);
    const recent = await get(s, '/admin/usage?limit=2');
    expect(recent.json.items).toHaveLength(2);
    for (const i of recent.json.items) expect(i.day).toBe(localDay());
    expect((await get(s, '/admin/usage?day=yesterday')).status).toBe(400);

    expect((await post(s, '/admin/usage/reset')).status).toBe(400);
    const reset = await post(s, `/admin/usage/reset?key=${a}`);
    expect(reset.json).toEqual({ reset: true, key: a, day: localDay() });
    const r2 = await post(s, `/admin/usage/reset?key=${a}&day=2026-01-02`);
    expect(r2.json).toEqual({ reset: true, key: a, day: '2026-01-02' });
    // As upstream: a reset leaves a row at 0, stamped with the time of the reset.
    const left = await get(s, '/admin/usage');
    expect(left.json.items.filter((i: any) => i.req_count > 0).map((i: any) => i.key)).toEqual([b]);
    expect(left.json.items.filter((i: any) => i.key === a).map((i: any) => i.req_count)).toEqual([0, 0]);
  });
});

describe('v1p', () => {
  test('per-key daily limits, bare array, usage, reset-all, delete', async () => {
    const s = await start({ flavor: 'v1p', dailyLimit: 50 });
    const a = await post(s, '/admin/keys', { label: 'a', daily_limit: 1 });
    expect(a.json).toEqual({
      key: expect.stringMatching(KEY_FORMAT.v1p),
      label: 'a',
      created_at: expect.any(Number),
      daily_limit: 1,
    });
    const b = await post(s, '/admin/keys', { label: 'b' });
    expect(b.json.daily_limit).toBe(50);
    expect((await post(s, '/admin/keys', { daily_limit: -3 })).status).toBe(400);

    const list = await get(s, '/admin/keys');
    expect(Array.isArray(list.json)).toBe(true);
    expect(list.json).toHaveLength(2);
    expect(list.json.find((k: any) => k.key === a.json.key)).toEqual({ ...a.json, is_active: 1 });

    expect((await chat(s, a.json.key)).status).toBe(200);
    const limited = await chat(s, a.json.key);
    expect(limited.status).toBe(429);
    expect(typeof limited.json.error).toBe('string');
    expect((await chat(s, b.json.key)).status).toBe(200);
    s.recordUsage(b.json.key, 9, '2026-02-03');

    const usage = await get(s, '/admin/usage');
    expect(usage.json).toMatchObject({ day: localDay(), total_keys: 2, total_requests: 2 });
    expect(usage.json.keys.find((k: any) => k.key === b.json.key)).toEqual({
      key: b.json.key,
      label: 'b',
      created_at: b.json.created_at,
      daily_limit: 50,
      requests: 1,
      updated_at: expect.any(Number),
    });
    expect((await get(s, '/admin/usage?day=2026-02-03')).json.total_requests).toBe(9);

    // reset wipes EVERY key's usage for the day, whatever key the body names
    const reset = await post(s, '/admin/usage/reset', { trial_key: a.json.key });
    expect(reset.status).toBe(200);
    expect((await get(s, '/admin/usage')).json.total_requests).toBe(0);
    expect((await get(s, '/admin/usage?day=2026-02-03')).json.total_requests).toBe(9);
    await post(s, '/admin/usage/reset', { day: '2026-02-03' });
    expect((await get(s, '/admin/usage?day=2026-02-03')).json.total_requests).toBe(0);

    expect((await del(s, `/admin/keys/${a.json.key}`)).json).toEqual({ ok: true });
    const missing = await del(s, `/admin/keys/${a.json.key}`);
    expect(missing.status).toBe(404);
    expect(typeof missing.json.error).toBe('string');
    expect(s.allKeys().map((k) => [k.key, k.dailyLimit])).toEqual([[b.json.key, 50]]);
  });
});

describe('v1a', () => {
  test('success shapes, active_only listing with today/remaining, usage by days', async () => {
    const s = await start({ flavor: 'v1a', dailyLimit: 10 });
    const c = await post(s, '/admin/keys', { label: LABEL, daily_limit: 3 });
    expect(c.json).toEqual({
      success: true,
      key: expect.stringMatching(KEY_FORMAT.v1a),
      label: LABEL,
      daily_limit: 3,
      created_at: expect.any(Number),
      message: expect.any(String),
    });
    const [seeded] = s.seedKeys(1, { createdAt: new Date(Date.now() - 3 * 86_400_000) }) as [string];
    expect((await chat(s, c.json.key)).status).toBe(200);
    s.recordUsage(seeded, 4, daysAgo(2));
    s.recordUsage(seeded, 6, daysAgo(20));

    const list = await get(s, '/admin/keys?active_only=true');
    expect(list.json).toMatchObject({ success: true, count: 2 });
    expect(list.json.keys[0]).toEqual({
      key: c.json.key,
      label: LABEL,
      created_at: c.json.created_at,
      daily_limit: 3,
      is_active: 1,
      today_requests: 1,
      remaining: 2,
    });
    expect(list.json.keys[1]).toMatchObject({ key: seeded, daily_limit: 10, today_requests: 0, remaining: 10 });

    const usage = await get(s, '/admin/usage?days=7');
    expect(usage.json.success).toBe(true);
    expect(usage.json.summary).toEqual({ total_requests_last_days: 5, active_keys: 2, days: 7 });
    expect(usage.json.usage.map((u: any) => u.key)).toEqual([c.json.key, seeded]);
    expect(usage.json.usage[1].usage).toEqual([{ day: daysAgo(2), requests: 4, updated_at: expect.any(Number) }]);
    const oneKey = await get(s, `/admin/usage?key=${seeded}&days=30`);
    expect(oneKey.json.usage).toHaveLength(1);
    expect(oneKey.json.usage[0].usage.map((u: any) => u.requests)).toEqual([4, 6]);
    expect(oneKey.json.summary.total_requests_last_days).toBe(10);
  });
});

describe('v10', () => {
  test('keys: create, validation, paging, activeOnly, update, delete', async () => {
    const s = await start({ flavor: 'v10' });
    const c = await post(s, '/admin/keys', { label: 'ci', expiresAt: '2099-01-01T00:00:00Z' });
    expect(c.json).toEqual({
      success: true,
      key: expect.stringMatching(KEY_FORMAT.v10),
      label: 'ci',
      totalQuota: 1000,
      expiresAt: '2099-01-01T00:00:00.000Z',
      id: expect.any(Number),
    });
    const d = await post(s, '/admin/keys', { totalQuota: 5 });
    expect(d.json).toMatchObject({ totalQuota: 5, expiresAt: null, label: null });
    const expired = await post(s, '/admin/keys', { label: 'old', expiresAt: '2001-01-01' });
    for (const body of [{ expiresAt: 'next tuesday' }, { expiresAt: '2026-13-45' }, { totalQuota: 0 }]) {
      const r = await post(s, '/admin/keys', body);
      expect(r.status).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }

    const all = await get(s, '/admin/keys?limit=2&offset=0');
    expect(all.json.pagination).toEqual({ total: 3, limit: 2, offset: 0, hasMore: true });
    expect(all.json.keys[0].key).toBe(expired.json.key); // newest first
    const row = (await get(s, '/admin/keys')).json.keys.find((k: any) => k.key === c.json.key);
    expect(row).toEqual({
      id: c.json.id,
      key: c.json.key,
      label: 'ci',
      total_quota: 1000,
      used_quota: 0,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      expires_at: '2099-01-01T00:00:00.000Z',
      status: 'active',
    });
    // SQL datetime in UTC without a zone
    expect(Math.abs(Date.parse(row.created_at.replace(' ', 'T') + 'Z') - Date.now())).toBeLessThan(5000);
    const active = await get(s, '/admin/keys?activeOnly=true');
    expect(active.json.keys.map((k: any) => k.key).sort()).toEqual([c.json.key, d.json.key].sort());
    expect(active.json.pagination.total).toBe(2);

    const upd = await put(s, `/admin/keys/${encodeURIComponent(c.json.key)}`, { label: '新', expiresAt: null });
    expect(upd.json).toMatchObject({ success: true, key: c.json.key, label: '新', expiresAt: null });
    expect((await put(s, `/admin/keys/${c.json.key}`, { expiresAt: 'soon' })).status).toBe(400);
    expect((await put(s, '/admin/keys/roc_missing', { label: 'x' })).status).toBe(404);
    expect((await put(s, `/admin/keys/${c.json.key}`, {})).status).toBe(400);

    expect((await del(s, `/admin/keys/${d.json.key}`)).json).toMatchObject({ success: true, deleted: 1 });
    const missing = await del(s, `/admin/keys/${d.json.key}`);
    expect(missing.status).toBe(404);
    expect(typeof missing.json.error).toBe('string');
  });

  test('quota counting, usage pages, reset-usage, stats', async () => {
    const s = await start({ flavor: 'v10' });
    const small = (await post(s, '/admin/keys', { label: 'small', totalQuota: 2 })).json.key as string;
    const big = (await post(s, '/admin/keys', { label: 'big' })).json.key as string;
    expect((await chat(s, small)).status).toBe(200);
    expect((await chat(s, small)).status).toBe(200);
    expect((await chat(s, small)).status).toBe(429); // lifetime quota, not per day
    expect((await chat(s, big)).status).toBe(200);

    const usage = await get(s, '/admin/usage?page=1&limit=1');
    expect(usage.json.pagination).toEqual({
      page: 1,
      limit: 1,
      total: 2,
      totalPages: 2,
      hasNextPage: true,
      hasPrevPage: false,
    });
    expect(usage.json.data).toHaveLength(1);
    const one = await get(s, `/admin/usage?key=${small}&days=7`);
    expect(one.json.data).toEqual([
      {
        key: small,
        label: 'small',
        total_quota: 2,
        used_quota: 2,
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        request_count: 2,
        avg_response_time: expect.any(Number),
      },
    ]);
    for (const q of ['limit=0', 'limit=101', 'page=0']) expect((await get(s, `/admin/usage?${q}`)).status).toBe(400);

    const statsBefore = await get(s, '/admin/stats');
    expect(statsBefore.json).toMatchObject({
      success: true,
      total_keys: 2,
      active_keys: 1,
      expired_keys: 0,
      used_quota: 3,
    });
    expect(statsBefore.json.quota_usage_percent).toBeCloseTo((3 / 1002) * 100, 1);

    expect((await post(s, '/admin/reset-usage', { key: 'roc_nope' })).status).toBe(404);
    const r1 = await post(s, '/admin/reset-usage', { key: small });
    expect(r1.json.success).toBe(true);
    expect((await chat(s, small)).status).toBe(200);
    const all = await post(s, '/admin/reset-usage', {});
    expect(all.json.success).toBe(true);
    const keys = (await get(s, '/admin/keys')).json.keys;
    expect(keys.map((k: any) => k.used_quota)).toEqual([0, 0]);
  });

  test(
    'upstream defaults: /healthz and /status never answer; the proxy route looks keys up; 30 admin ' +
      'requests per 900 s',
    async () => {
      const s = await start({ flavor: 'v10' });
      for (const route of ['/healthz', '/status']) {
        await expect(fetch(s.url + route, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
          name: 'TimeoutError',
        });
      }
      const gateway = (query: string, headers: Record<string, string> = {}) =>
        fetch(`${s.url}/gateway${query}`, { method: 'POST', headers }).then(async (r) => ({
          status: r.status,
          json: (await r.json()) as any,
          limit: r.headers.get('x-ratelimit-limit'),
        }));
      expect(await gateway('')).toEqual({ status: 401, json: { error: 'Missing API key' }, limit: null });
      expect(await gateway('?api_key=nope')).toEqual({
        status: 403,
        json: { error: 'Invalid or expired API key' },
        limit: null,
      });
      const key = (await post(s, '/admin/keys', { label: 'g', totalQuota: 1 })).json.key as string;
      expect((await gateway('', { 'x-api-key': key })).status).toBe(200);
      expect((await gateway(`?api_key=${key}`)).json).toEqual({ error: 'Quota exceeded' });
      const listed = await get(s, '/admin/keys');
      expect(listed.headers.get('x-ratelimit-limit')).toBe('30');
      expect(listed.headers.get('x-ratelimit-remaining')).toBe('28');
    },
  );

  test('health is always HTTP 200; hang never answers; /status', async () => {
    const s = await start({ flavor: 'v10', health: 'ok' });
    const ok = await get(s, '/healthz');
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, checks: { database: { ok: true } } });
    s.setHealth('error500');
    const e = await get(s, '/healthz');
    expect(e.status).toBe(200);
    expect(e.json).toMatchObject({ ok: false, checks: { database: { ok: false } } });
    expect((await get(s, '/status')).status).toBe(200);
    s.setHealth('hang');
    await expect(fetch(s.url + '/status', { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});

describe('options', () => {
  test('rate limit: headers on /admin answers, 429 with Retry-After after max', async () => {
    const s = await start({ flavor: 'v10', rateLimit: { max: 3, windowSeconds: 900 }, health: 'ok' });
    const before = Math.floor(Date.now() / 1000);
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const r = await get(s, i === 2 ? '/admin/nope' : '/admin/keys', i === 1 ? { authorization: '' } : {});
      expect(r.status).toBe([200, 401, 404][i]);
      expect(r.headers.get('x-ratelimit-limit')).toBe('3');
      const reset = Number(r.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(before + 899);
      expect(reset).toBeLessThanOrEqual(before + 902);
      remaining.push(r.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await get(s, '/admin/keys');
    expect(limited.status).toBe(429);
    // As upstream: the refusal carries Retry-After only, and is not counted.
    expect(limited.json).toEqual({
      error: 'Too Many Requests',
      message: expect.any(String),
      retryAfter: expect.any(Number),
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
    expect(limited.json.retryAfter).toBeGreaterThan(890);
    expect(limited.json.retryAfter).toBeLessThanOrEqual(900);
    expect(limited.headers.get('retry-after')).toBe(String(limited.json.retryAfter));
    // non-admin routes are not limited
    const h = await get(s, '/healthz');
    expect(h.status).toBe(200);
    expect(h.headers.get('x-ratelimit-limit')).toBeNull();

    const plain = await start({ flavor: 'v1' });
    expect((await get(plain, '/admin/keys')).headers.get('x-ratelimit-limit')).toBeNull();
    const off = await start({ flavor: 'v10', rateLimit: false });
    expect((await get(off, '/admin/keys')).headers.get('x-ratelimit-limit')).toBeNull();
  });

  test('rate limit: a shortened window renews once it has passed', async () => {
    const s = await start({ flavor: 'v10', rateLimit: { max: 2, windowSeconds: 0.5 } });
    expect((await get(s, '/admin/keys')).status).toBe(200);
    expect((await get(s, '/admin/keys')).status).toBe(200);
    expect((await get(s, '/admin/keys')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const renewed = await get(s, '/admin/keys');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  test('basePath mounts everything under a prefix', async () => {
    const s = await start({ flavor: 'v1', basePath: '/qp/' });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/qp$/);
    expect((await post(s, '/admin/keys', { label: 'x' })).status).toBe(200);
    const list = await get(s, '/admin/keys?x=1');
    expect(list.json.keys).toHaveLength(1);
    expect((await get(s, '/healthz')).json).toEqual({ ok: true });
    const root = s.url.replace(/\/qp$/, '');
    const outside = await fetch(root + '/admin/keys', { headers: { authorization: `Bearer ${s.token}` } });
    expect(outside.status).toBe(404);
    expect(await outside.text()).toBe(expressHtml404('GET', '/admin/keys'));
    expect(s.requests).toEqual([
      { method: 'POST', path: '/qp/admin/keys' },
      { method: 'GET', path: '/qp/admin/keys?x=1' },
      { method: 'GET', path: '/qp/healthz' },
      { method: 'GET', path: '/admin/keys' },
    ]);
  });

  test('seedKeys/allKeys/recordUsage; file DB persists across restarts (sync on)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-server-'));
    try {
      const db = join(dir, 'qp.db');
      const s1 = await startDevServer({ flavor: 'v1a', db, token: 't0ken', sync: true });
      expect(s1.token).toBe('t0ken');
      const at = new Date('2026-03-04T05:06:07.000Z');
      const keys = s1.seedKeys(5, { labelPrefix: 'bench-', createdAt: at, dailyLimit: 7 });
      expect(new Set(keys).size).toBe(5);
      s1.recordUsage(keys[0]!, 3);
      await s1.close();
      await s1.close(); // idempotent
      // Durable as the real v1 is (better-sqlite3's defaults): the rollback journal, not a write-ahead log,
      // whose single sync per insert made the bench's stand-in 2.4 times as fast as the real v1.
      const file = new DatabaseSync(db);
      expect(file.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
      file.close();

      const s2 = await start({ flavor: 'v1a', db, token: 't0ken' });
      expect(s2.allKeys()).toEqual(
        keys.map((key, i) => ({ key, label: `bench-${i + 1}`, createdAt: at, dailyLimit: 7 })),
      );
      const list = await get(s2, '/admin/keys');
      expect(list.json.keys.find((k: any) => k.key === keys[0]).today_requests).toBe(3);
      await s2.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Speed is the bench's to measure (npm run bench), not a timed test on a shared machine.
  test('in-memory: 20,000 seeded keys and 300 concurrent creates, all distinct and listed', async () => {
    const s = await start({ flavor: 'v1' });
    const keys = s.seedKeys(20_000);
    expect(new Set(keys).size).toBe(20_000);
    const created = await Promise.all(
      Array.from({ length: 300 }, (_, i) => post(s, '/admin/keys', { label: `k${i}` })),
    );
    expect(created.every((r) => r.status === 200)).toBe(true);
    expect((await get(s, '/admin/keys')).json.keys).toHaveLength(20_300);
  });

  test('invalid options throw', async () => {
    await expect(startDevServer({ flavor: 'v2' as Flavor })).rejects.toThrow(/flavor/);
    await expect(startDevServer({ dailyLimit: 0 })).rejects.toThrow(/dailyLimit/);
  });
});

describe('devServerMain', () => {
  test('bad flags → 2 with a one-line error; --help → 0', async () => {
    for (const argv of [['--bogus'], ['--flavor', 'v9'], ['--port', 'x'], ['--rate-limit', '30'], ['--port']]) {
      const err: string[] = [];
      expect(await devServerMain(argv, { stderr: (l) => err.push(l), stdout: () => undefined })).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).not.toContain('\n');
    }
    const out: string[] = [];
    expect(await devServerMain(['--help'], { stdout: (l) => out.push(l) })).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage: quota-keys dev-server/);
  });

  test('runs until stopped; prints url and the generated token', async () => {
    const out: string[] = [];
    const ac = new AbortController();
    const done = devServerMain(
      [
        'dev-server',
        '--port',
        '0',
        '--flavor=v1p',
        '--seed-keys',
        '3',
        '--seed-label-prefix',
        'ci-',
        '--seed-age-days',
        '2',
        '--base-path',
        '/qp',
      ],
      { stdout: (l) => out.push(l), signal: ac.signal },
    );
    for (let i = 0; i < 100 && out.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    const m = /^quota-proxy dev server \(v1p\) listening on (http:\/\/127\.0\.0\.1:\d+\/qp)$/.exec(out[0] ?? '');
    expect(m).not.toBeNull();
    const token = /^admin token: ([0-9a-f]{32})$/.exec(out[1] ?? '')?.[1];
    expect(token).toBeDefined();
    const r = await fetch(m![1] + '/admin/keys', { headers: { authorization: `Bearer ${token}` } });
    const keys = (await r.json()) as any[];
    expect(keys.map((k) => k.label).sort()).toEqual(['ci-1', 'ci-2', 'ci-3']);
    expect(Math.abs(keys[0].created_at - (Date.now() - 2 * 86_400_000))).toBeLessThan(10_000);
    ac.abort();
    expect(await done).toBe(0);

    const out2: string[] = [];
    const ac2 = new AbortController();
    ac2.abort();
    expect(
      await devServerMain(['--port', '0', '--token', 'given'], { stdout: (l) => out2.push(l), signal: ac2.signal }),
    ).toBe(0);
    expect(out2).toHaveLength(1);

    // --rate-limit off: v10 without its admin limit.
    const out3: string[] = [];
    const ac3 = new AbortController();
    const done3 = devServerMain(['--port', '0', '--flavor', 'v10', '--rate-limit', 'off', '--token', 't'], {
      stdout: (l) => out3.push(l),
      signal: ac3.signal,
    });
    for (let i = 0; i < 100 && out3.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    const url3 = /listening on (\S+)$/.exec(out3[0] ?? '')![1]!;
    const r3 = await fetch(url3 + '/admin/keys', { headers: { authorization: 'Bearer t' } });
    expect(r3.status).toBe(200);
    expect(r3.headers.get('x-ratelimit-limit')).toBeNull();
    ac3.abort();
    expect(await done3).toBe(0);
  });
});
