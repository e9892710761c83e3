// A key list or a usage read whose pages never end is stopped: at once when the paging makes no
// progress (an empty page that says more follow, the same page again), else at the documented totals
// (500,000 keys, 1,000,000 usage rows, 5,000 pages of one read); one line naming what the server did,
// exit 1. On the old code each ran until killed: 278,000 requests and an out-of-memory abort for new
// keys on every page, hundreds of thousands of requests for an empty v1 page at the same offset; an
// empty v10 key page that said more was taken silently for the end of the list.
// The bundled CLI against a server of the test's own that pages forever, in each flavor's shape
// (src/quota-proxy/flavors/v1.ts, v10.ts); each run is killed after 30 s should it not end.

import { startCli } from '../__fixtures__/run-process.js';
import { type ScriptedRequest, type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

const V10_HEALTH = { ok: true, checks: { database: { ok: true } } };
const offsetOf = (r: ScriptedRequest) => Number(r.query.get('offset') ?? 0);
const pageOf = (r: ScriptedRequest) => Number(r.query.get('page') ?? 1);
const v10Key = (n: number) => ({
  key: `roc_${String(n).padStart(13, '0')}-abcdefghi`,
  label: `endless-${n}`,
  total_quota: 1000,
  used_quota: 0,
  created_at: '2026-11-26 09:50:31',
  expires_at: null,
  status: 'active',
});
const v10Keys = (from: number, count: number) => Array.from({ length: count }, (_, i) => v10Key(from + i));
const v10Row = (n: number) => ({
  key: v10Key(n).key,
  label: `endless-${n}`,
  total_quota: 1000,
  used_quota: 1,
  request_count: 1,
});
const v1Row = (n: number) => ({
  day: '2026-11-26',
  trial_key: `sk-${String(n).padStart(48, '0')}`,
  label: `r${n}`,
  requests: 1,
});

interface Endless {
  command: 'list' | 'usage';
  /** The route that pages. */
  path: string;
  answer: (r: ScriptedRequest) => unknown;
  health?: unknown;
  /** Requests to `path` before the stop. */
  requests: number;
  says: RegExp;
}

const CASES: Record<string, Endless> = {
  'v10 key list: hasMore forever, 5,000 new keys on every page': {
    command: 'list',
    path: '/admin/keys',
    // 5,000 a page (v10 sends 100): the key total is reached in 100 requests, not 5,000.
    answer: (r) => ({ success: true, keys: v10Keys(offsetOf(r), 5000), pagination: { hasMore: true } }),
    requests: 100,
    says: /the key list did not end after 500,000 keys \(100 pages\) and still says more follow/,
  },
  'v10 key list: the same page again': {
    command: 'list',
    path: '/admin/keys',
    answer: () => ({ success: true, keys: v10Keys(0, 100), pagination: { hasMore: true } }),
    requests: 2,
    says: /the key list's page 2 \(offset 100\) repeats page 1/,
  },
  'v10 key list: an empty page that says more follow': {
    command: 'list',
    path: '/admin/keys',
    answer: (r) => ({
      success: true,
      keys: offsetOf(r) < 200 ? v10Keys(offsetOf(r), 100) : [],
      pagination: { hasMore: true },
    }),
    requests: 3,
    says: /the key list's page 3 \(offset 200\) holds nothing yet says more follow/,
  },
  'v1 usage: items [] with has_more true': {
    command: 'usage',
    path: '/admin/usage',
    health: { ok: true },
    answer: () => ({ items: [], total: 0, limit: 1000, offset: 0, has_more: true }),
    requests: 1,
    says: /the usage's page 1 \(offset 0\) holds nothing yet says more follow/,
  },
  'v1 usage: the same rows again': {
    command: 'usage',
    path: '/admin/usage',
    health: { ok: true },
    answer: () => ({ items: [v1Row(1), v1Row(2)], has_more: true }),
    requests: 2,
    says: /the usage's page 2 \(offset 2\) repeats page 1/,
  },
  'v10 usage: data [] with hasNextPage true': {
    command: 'usage',
    path: '/admin/usage',
    answer: () => ({ success: true, data: [], pagination: { page: 1, hasNextPage: true } }),
    requests: 1,
    says: /the usage's page 1 \(offset 0\) holds nothing yet says more follow/,
  },
  'v10 usage: hasNextPage forever, a new row on every page': {
    command: 'usage',
    path: '/admin/usage',
    answer: (r) => ({ success: true, data: [v10Row(pageOf(r))], pagination: { page: pageOf(r), hasNextPage: true } }),
    requests: 5000,
    says: /the usage did not end after 5,000 pages and still says more follow/,
  },
};

test.each(Object.keys(CASES))(
  '%s: stopped, one line naming it, exit 1',
  async (name) => {
    const c = CASES[name]!;
    server = await startScriptedServer((r) => {
      if (r.path === '/healthz') return { body: c.health ?? V10_HEALTH };
      if (r.path === c.path) return { body: c.answer(r) };
      // The key list v1's usage joins its rows onto.
      if (r.path === '/admin/keys') return { body: { keys: [] } };
    });
    const started = Date.now();
    const { child, done } = startCli([c.command, '-u', server.url, '-t', server.token, '--retries', '0']);
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const { code, stderr } = await done;
    clearTimeout(killer);
    expect(server.requests.filter((r) => r.path === c.path)).toHaveLength(c.requests);
    expect(code).toBe(1);
    const errors = stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(c.says);
    expect(errors[0]).toMatch(/; stopped\b/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(30_000);
  },
  90_000,
);
