// v10 started as upstream ships it: /healthz and /status never answer, /admin allows 30 requests per
// 15 minutes. Every command must pass a health check with no flags: a /healthz that stays silent
// is recognised within seconds (not retried), and v10's proxy route, which looks the key up in the
// database and lies outside /admin, proves the server answers, at no cost to the admin limit.

import { captureLog } from '../__fixtures__/capture-log.js';
import { runWrite } from '../__fixtures__/write-commands.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { HEALTH_PATIENCE_MS } from '../src/quota-proxy/client.js';
import { run } from '../src/run.js';

const context = cliContext({});
async function check(server: Pick<DevServer, 'url'>, extra: Record<string, string> = {}) {
  const inputs: Record<string, string> = { command: 'health', url: server.url, ...extra };
  const captured = captureLog();
  const started = Date.now();
  const report = await run(
    parseOptions((n) => inputs[n] ?? '', {}, context),
    context,
    captured.log,
  );
  return { report, log: captured.text(), ms: Date.now() - started };
}

let server: DevServer;
beforeEach(async () => {
  server = await startDevServer({ flavor: 'v10' });
});
afterEach(() => server.close());

test(
  'the dev server has the upstream defaults: /healthz and /status hang, /admin is limited to ' + '30 per 900 s',
  async () => {
    for (const route of ['/healthz', '/status']) {
      await expect(fetch(server.url + route, { signal: AbortSignal.timeout(500) })).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    }
    const answer = await fetch(`${server.url}/admin/keys`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(answer.headers.get('x-ratelimit-limit')).toBe('30');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('29');
    const reset = Number(answer.headers.get('x-ratelimit-reset')) * 1000 - Date.now();
    expect(reset).toBeGreaterThan(895_000);
    expect(reset).toBeLessThanOrEqual(901_000);
  },
);

test('no flags: healthy within seconds by the proxy route, flavor learnt, no admin request spent', async () => {
  const { report, log, ms } = await check(server);
  expect(report).toMatchObject({ ok: true, outputs: { healthy: 'true', flavor: 'v10' } });
  // The patience for /healthz, then one quick request: far from (retries + 1) × timeout-seconds (43 s).
  expect(ms).toBeLessThan(HEALTH_PATIENCE_MS + 3000);
  expect(log).toMatch(
    new RegExp(
      String.raw`healthy: GET http:\/\/127\.0\.0\.1:\d+\/healthz did not answer within` +
        String.raw` 2(\.\d)? s \(v10's \/healthz never answers \(an upstream defect\)\); POST` +
        String.raw` http:\/\/127\.0\.0\.1:\d+\/gateway looked an unknown key up in its database`,
    ),
  );
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /healthz',
    'POST /gateway?api_key=quota-keys-health-check',
  ]);
});

test('server-flavor v10: /healthz is not asked at all', async () => {
  const { report, ms } = await check(server, { 'server-flavor': 'v10' });
  expect(report.ok).toBe(true);
  expect(ms).toBeLessThan(1500);
  expect(server.requests.map((r) => r.path)).toEqual(['/gateway?api_key=quota-keys-health-check']);
});

test(
  'a short timeout-seconds: /healthz times out and is retried meanwhile, the probe still ' + 'decides at 2 s',
  async () => {
    const { report, ms } = await check(server, { 'timeout-seconds': '0.5' });
    expect(report.ok).toBe(true);
    expect(ms).toBeLessThan(HEALTH_PATIENCE_MS + 3000);
    expect(server.requests.filter((r) => r.path.startsWith('/gateway'))).toHaveLength(1);
  },
);

test('forced v10 on a server that is not v10: unhealthy, naming what answered and what v10 answers', async () => {
  const v1 = await startDevServer({ flavor: 'v1' });
  try {
    const { report } = await check(v1, { 'server-flavor': 'v10' });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(
      new RegExp(
        String.raw`^Health check failed: POST http:\/\/127\.0\.0\.1:\d+\/gateway answered` +
          String.raw` 404 .*where a healthy v10 server answers 403 \{"error":"Invalid or expired API` +
          String.raw` key"\} \(\/healthz is not asked: v10's \/healthz never answers`,
      ),
    );
  } finally {
    await v1.close();
  }
});

test('a command with no flags runs after the health check: list on v10 as upstream ships it', async () => {
  server.seedKeys(3, { labelPrefix: 'seed-' });
  const { report, requests } = await runWrite(server, { command: 'list' });
  expect(report.ok).toBe(true);
  expect(report.outputs.flavor).toBe('v10');
  // One admin request for the list: the health check cost none of the 30.
  expect(requests.filter((r) => r.includes('/admin/'))).toHaveLength(1);
});
