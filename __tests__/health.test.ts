import net from 'node:net';
import { captureLog } from '../__fixtures__/capture-log.js';
import { withDevServer } from '../__fixtures__/own-server.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type HealthMode, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

// Each test has its own server (in the health mode it checks): the tests run at once, the ones that
// wait out timeouts and retries side by side.
const v1 = (health: HealthMode) => ({ flavor: 'v1', health }) as const;

const context = cliContext({});
const check = (url: string, extra: Record<string, string> = {}) => {
  const inputs: Record<string, string> = { command: 'health', url, 'timeout-seconds': '0.5', ...extra };
  const captured = captureLog();
  return run(
    parseOptions((n) => inputs[n] ?? '', {}, context),
    context,
    captured.log,
  );
};

test.concurrent('healthy server', () =>
  withDevServer(v1('ok'), async (server) => {
    const report = await check(server.url);
    expect(report.ok).toBe(true);
    expect(report.outputs.healthy).toBe('true');
  }));

test.concurrent('500 fails with the status, the URL and what to check', () =>
  withDevServer(v1('error500'), async (server) => {
    const report = await check(server.url);
    expect(report).toMatchObject({ ok: false, outputs: { healthy: 'false' } });
    expect(report.failure).toMatch(
      /^Health check failed: GET http:\/\/127\.0\.0\.1:\d+\/healthz answered 500 .*check the quota-proxy logs/,
    );
    expect(report.failure).not.toContain('\n');
  }));

test.concurrent('200 with "ok": false is unhealthy', () =>
  withDevServer(v1('okFalse'), async (server) => {
    const report = await check(server.url);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/answered 200 but says "ok": false/);
  }));

test.concurrent('a health endpoint that never answers: retried like any GET, named, with what the v10 probe says', () =>
  withDevServer(v1('hang'), async (server) => {
    const before = server.requests.length;
    const started = Date.now();
    const report = await check(server.url);
    // 4 attempts of ~0.5–1 s (undici's timers are coarse) plus backoff of at most 3.5 s.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(
      new RegExp(
        String.raw`^Health check failed: GET http:\/\/127\.0\.0\.1:\d+\/healthz: timed out` +
          String.raw` after 0\.5 s \(4 attempts\); POST http:\/\/127\.0\.0\.1:\d+\/gateway answered` +
          " 404 .*not v10's 403 .*a server that answers other routes has a hung health" +
          String.raw` handler: .*skip-health-check: true\.$`,
      ),
    );
    expect(server.requests.slice(before).filter((r) => r.path.startsWith('/gateway'))).toHaveLength(1);
  }));

test.concurrent('a refused connection names the URL and says to check the server is running', async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const report = await check(`http://127.0.0.1:${port}`);
  expect(report.ok).toBe(false);
  expect(report.failure).toBe(
    `Health check failed: GET http://127.0.0.1:${port}/healthz: connection refused (4 attempts); check that ` +
      `quota-proxy is running and listening on that host and port.`,
  );
});

test.concurrent('credentials in the URL never appear in the message', () =>
  withDevServer(v1('error500'), async (server) => {
    const url = server.url.replace('http://', 'http://admin:hunter2@');
    const report = await check(url);
    expect(report.failure).not.toContain('hunter2');
    expect(report.failure).not.toContain('admin:');
    expect(report.facts.get('server')).toEqual(expect.stringContaining('***@127.0.0.1'));
  }));

test.concurrent('a path prefix (reverse proxy) is kept', async () => {
  const prefixed = await startDevServer({ basePath: '/quota' });
  try {
    expect((await check(prefixed.url)).ok).toBe(true);
    expect(prefixed.requests.map((r) => r.path)).toEqual(['/quota/healthz']);
  } finally {
    await prefixed.close();
  }
});

test.concurrent('a host name that does not resolve: DNS named, healthy=false', async () => {
  const report = await check('http://quota-proxy.invalid:8787');
  expect(report).toMatchObject({ ok: false, outputs: { healthy: 'false' } });
  expect(report.failure).toMatch(
    new RegExp(
      String.raw`^Health check failed: GET http:\/\/quota-proxy\.invalid:8787\/healthz:` +
        String.raw` host name not found \(DNS\).*check the host name in url\.$`,
    ),
  );
});

test.concurrent('v10 answers health 200 whatever happens: its "ok" is the verdict and tells the flavor', async () => {
  // Health that answers, unlike upstream v10 (see health-v10-upstream-defaults.test.ts).
  const v10 = await startDevServer({ flavor: 'v10', health: 'ok' });
  try {
    const good = await check(v10.url);
    expect(good).toMatchObject({ ok: true, outputs: { healthy: 'true', flavor: 'v10' } });
    v10.setHealth('error500');
    const bad = await check(v10.url);
    expect(bad).toMatchObject({ ok: false, outputs: { healthy: 'false' } });
    expect(bad.failure).toMatch(/answered 200 but says "ok": false/);
  } finally {
    await v10.close();
  }
});

test.concurrent('health-path is the path checked', () =>
  withDevServer(v1('ok'), async (server) => {
    expect((await check(server.url, { 'health-path': '/healthz/db' })).ok).toBe(true);
    expect(server.requests.map((r) => r.path)).toEqual(['/healthz/db']);
  }));
