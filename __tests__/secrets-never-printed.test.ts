// The admin token and every key are masked (::add-mask::) before anything else is printed and never
// appear in logs, errors, summaries or outputs — also with step debug on and error paths taken
// (the fault proxy answers HTML, cut-off bodies, 429s). URL credentials are never printed. The
// token does not cross the network in clear without a warning (or at all, with require-https).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { cliContext } from '../src/config/context.js';
import { InputError, parseOptions } from '../src/config/options.js';
import { isLoopbackHost, plainHttpWarning } from '../src/config/plain-http.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1', token: 'tok-Zq7xW2-admin-secret-0001' });
});
afterAll(() => server.close());

test(
  'ACTIONS_STEP_DEBUG: masks come first; debug lines, errors, summary and outputs show no token, key or ' +
    'URL password',
  async () => {
    const proxy = await startFaultProxy({
      target: server.url,
      faults: ['truncate', 'html502', 'rate-limit', 'error500'],
      rate: 0.3,
      seed: 5,
    });
    try {
      const url = proxy.url.replace('http://', 'http://admin:url-password-77@');
      const result = await runBundledAction(
        {
          command: 'batch',
          count: '30',
          name: 'debug',
          url,
          'admin-token': server.token,
          'upload-artifact': 'false',
          'timeout-seconds': '2',
        },
        { eventName: 'workflow_dispatch', runId: '4242', env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' } },
      );
      expect(result.code).toBe(0);
      expect(proxy.injected()).toBeGreaterThan(0);
      const lines = result.stdout.split('\n');
      expect(lines.some((l: string) => l.startsWith('::debug::'))).toBe(true);
      // The token is masked before any other line.
      expect(lines[0]).toBe(`::add-mask::${server.token}`);
      const keys = server
        .allKeys()
        .filter((k) => /-r4242a1i[0-9a-f]{6}n[0-9a-f]{6}$/.test(k.label ?? ''))
        .map((k) => k.key);
      expect(keys).toHaveLength(30);
      for (const key of keys) {
        const masked = lines.indexOf(`::add-mask::${key}`);
        expect(masked).toBeGreaterThan(0);
        // Nothing mentions the key (even shortened) before it is masked.
        expect(lines.slice(0, masked).some((l: string) => l.includes(shortenKey(key)))).toBe(false);
      }
      const printed =
        lines.filter((l: string) => !l.startsWith('::add-mask::')).join('\n') +
        result.stderr +
        result.summary +
        JSON.stringify(result.outputs);
      expect(printed).not.toContain(server.token);
      expect(printed).not.toContain('url-password-77');
      for (const key of server.allKeys()) expect(printed).not.toContain(key.key);
      expect(printed).toContain('***@127.0.0.1');
    } finally {
      await proxy.close();
    }
  },
);

test('http:// to a host that is not loopback: a warning that the token crosses the network in clear', async () => {
  expect(['127.0.0.1', '127.8.9.1', 'localhost', 'api.localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
  expect(['10.0.0.8', 'qp.example.com', '[2001:db8::1]', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  expect(plainHttpWarning(new URL('https://qp.example.com'))).toBeUndefined();
  expect(plainHttpWarning(new URL('http://127.0.0.1:8787'))).toBeUndefined();
  expect(plainHttpWarning(new URL('http://ops:pw@qp.example.com/quota'))).toBe(
    'http://***@qp.example.com/quota is http:// to a host that is not loopback: the admin token crosses the ' +
      'network in clear text. Use https:// (set require-https: true to refuse http://).',
  );
  // In a run: warned before the first request (TEST-NET-1 address: nothing answers).
  const context = { ...cliContext({}), workspace: mkdtempSync(path.join(tmpdir(), 'plain-')) };
  const inputs: Record<string, string> = {
    command: 'batch',
    url: 'http://192.0.2.1:9',
    'admin-token': 'tok-12345678',
    'timeout-seconds': '0.2',
    retries: '0',
  };
  const captured = captureLog();
  const report = await run(
    parseOptions((n) => inputs[n] ?? '', {}, context),
    context,
    captured.log,
  );
  expect(report.ok).toBe(false);
  expect(captured.lines[0]).toMatch(
    new RegExp(
      String.raw`^warning: http:\/\/192\.0\.2\.1:9\/ is http:\/\/ to a host that is not` +
        ' loopback: the admin token crosses the network in clear text',
    ),
  );
});

test('require-https: true refuses http:// to another host before any request, naming url', () => {
  const context = cliContext({});
  const parse = (url: string) =>
    parseOptions((n) => ({ url, 'admin-token': 'tok', 'require-https': 'true' })[n] ?? '', {}, context);
  let error: unknown;
  try {
    parse('http://ops:pw@qp.example.com/');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toBe(
    `Invalid input 'url': "http://***@qp.example.com/" — require-https is true: expected https://, or ` +
      `http:// to a loopback host such as 127.0.0.1.`,
  );
  expect(parse('https://qp.example.com/').url.protocol).toBe('https:');
  expect(parse('http://127.0.0.1:8787/').url.hostname).toBe('127.0.0.1');
});
