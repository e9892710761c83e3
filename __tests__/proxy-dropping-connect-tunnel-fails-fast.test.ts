// A forward proxy that accepts CONNECT and then drops the tunnel (before or right after its
// "200 Connection Established") made undici 7 reconnect forever (nodejs/undici#3897), whatever
// --retries or --timeout-seconds said. undici ≥ 8.6 fails the request; our retry policy then
// counts it as not sent (safe to repeat, even a create) within `retries`. The CLI bundle, through
// HTTPS_PROXY to an https:// server (https targets always tunnel).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ForwardProxy, startForwardProxy } from '../__fixtures__/forward-proxy.js';
import { startCli } from '../__fixtures__/run-process.js';

let proxy: ForwardProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** Runs the CLI; kills it (and fails) if it outlives `boundMs`. */
async function runBounded(args: string[], env: Record<string, string>, boundMs: number, cwd?: string) {
  const started = Date.now();
  const { child, done } = startCli(args, { env, cwd });
  const killer = setTimeout(() => child.kill('SIGKILL'), boundMs + 10_000);
  const result = await done;
  clearTimeout(killer);
  return { ...result, ms: Date.now() - started };
}

// The target is never reached: the proxy never tunnels. Port 9 (discard) stands for any server.
const SERVER = 'https://127.0.0.1:9/';

for (const mode of ['drop', 'drop-after-200'] as const) {
  test(`${mode}: health with --retries 0 fails in one line after one CONNECT, well within the bound`, async () => {
    proxy = await startForwardProxy({ connect: mode });
    // Bound: (retries + 1) × timeout-seconds + max-wait-seconds + a few seconds.
    const bound = 1 * 5_000 + 2_000 + 5_000;
    const result = await runBounded(
      ['health', '-u', SERVER, '--retries', '0', '--timeout-seconds', '5', '--max-wait-seconds', '2'],
      { HTTPS_PROXY: proxy.url },
      bound,
    );
    expect(result.ms).toBeLessThan(bound);
    expect(result.code).toBe(1);
    expect(proxy.seen.filter((s) => s.method === 'CONNECT')).toHaveLength(1);
    const why =
      mode === 'drop'
        ? 'the proxy closed the connection while opening the tunnel \\(CONNECT\\) through the proxy ' +
          'http://127\\.0\\.0\\.1:\\d+/? \\(HTTPS_PROXY\\)'
        : 'connection reset by the server';
    expect(result.stderr).toMatch(
      new RegExp(`^error: Health check failed: GET https://127\\.0\\.0\\.1:9/healthz: ${why}; check`, 'm'),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test(`${mode}: a batch stops after at most retries + 1 CONNECTs per request, and leaves no empty CSV`, async () => {
    proxy = await startForwardProxy({ connect: mode });
    const cwd = mkdtempSync(path.join(tmpdir(), 'connect-drop-'));
    const bound = 3 * 5_000 + 3_000 + 5_000;
    const result = await runBounded(
      [
        'batch',
        '-u',
        SERVER,
        '-t',
        'admin-token-for-a-proxy-test',
        '-c',
        '2',
        '-n',
        'tunnel',
        '-o',
        'keys.csv',
        '--skip-health-check',
        '--retries',
        '2',
        '--timeout-seconds',
        '5',
        '--max-wait-seconds',
        '3',
        '--concurrency',
        '1',
      ],
      { HTTPS_PROXY: proxy.url },
      bound,
      cwd,
    );
    expect(result.ms).toBeLessThan(bound);
    expect(result.code).toBe(1);
    const connects = proxy.seen.filter((s) => s.method === 'CONNECT').length;
    expect(connects).toBeGreaterThanOrEqual(1);
    // At most retries + 1 attempts for each of the 2 labels.
    expect(connects).toBeLessThanOrEqual(2 * 3);
    // The token check before any create fails: no key was made, and no empty CSV is left.
    expect(existsSync(path.join(cwd, 'keys.csv'))).toBe(false);
    expect(result.stderr).toMatch(
      /^error: .*(the proxy closed the connection while opening the tunnel \(CONNECT\)|connection reset)/m,
    );
    expect(result.stderr).not.toContain('admin-token-for-a-proxy-test');
  });
}
