// A DELETE whose answer is lost after the server deleted the key (connection reset after the
// commit) is retried; the retry finds the key gone. That key was deleted by us: counted, and
// replaced by rotate, not reported as "already gone".

import { type FaultProxy, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { DAY_MS, runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';

describe.each(['v1', 'v01', 'v1p', 'v10'] as Flavor[])('%s', (flavor) => {
  let server: DevServer;
  let proxy: FaultProxy;
  beforeEach(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
    let deletes = 0;
    // The first DELETE reaches the server, which deletes the key; then the connection is reset.
    proxy = await startFaultProxy({
      target: server.url,
      choose: (r) => (r.method === 'DELETE' && deletes++ === 0 ? 'reset-after' : undefined),
    });
  });
  afterEach(async () => {
    await proxy.close();
    await server.close();
  });

  test('rotate --replace: every due key counted as deleted and replaced', async () => {
    const old = server.seedKeys(3, { labelPrefix: 'auto-', createdAt: new Date(Date.now() - 40 * DAY_MS) });
    const { report } = await runWrite(server, {
      url: proxy.url,
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      replace: 'true',
      'timeout-seconds': '2',
    });
    expect(proxy.injected('reset-after')).toBe(1);
    expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
    expect(report.outputs).toMatchObject({ 'deleted-count': '3', 'created-count': '3' });
    const left = new Set(server.allKeys().map((k) => k.key));
    expect(old.filter((k) => left.has(k))).toEqual([]);
  });

  test('delete --key: deleted, not "not found"', async () => {
    const [key] = server.seedKeys(1, { labelPrefix: 'lone-' });
    const { report } = await runWrite(server, { url: proxy.url, command: 'delete', key: key!, 'timeout-seconds': '2' });
    expect(proxy.injected('reset-after')).toBe(1);
    expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
    expect(report.outputs['deleted-count']).toBe('1');
    expect(server.allKeys().some((k) => k.key === key)).toBe(false);
  });
});

test('a DELETE first refused with 429, then 404: the key was not there, and delete says so', async () => {
  const server = await startDevServer({ flavor: 'v1' });
  let deletes = 0;
  const proxy = await startFaultProxy({
    target: server.url,
    choose: (r) => (r.method === 'DELETE' && deletes++ === 0 ? 'rate-limit' : undefined),
    retryAfterSeconds: 1,
  });
  try {
    const { report } = await runWrite(server, {
      url: proxy.url,
      command: 'delete',
      key: `sk-${'0'.repeat(48)}`,
      'timeout-seconds': '2',
      'server-flavor': 'v1',
    });
    expect(proxy.injected('rate-limit')).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.outputs['deleted-count']).toBe('0');
  } finally {
    await proxy.close();
    await server.close();
  }
});
