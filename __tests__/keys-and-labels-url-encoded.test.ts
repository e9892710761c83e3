// Keys and labels are data, never part of the route: percent-encoded in paths and queries and sent
// exactly (no client-side normalisation), so a label like `../../x` cannot change the path.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { QuotaProxy } from '../src/quota-proxy/client.js';
import { run } from '../src/run.js';
import { HttpClient } from '../src/transport/http.js';

let server: DevServer;
let api: QuotaProxy;
let http: HttpClient;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v01', basePath: '/quota' });
  http = new HttpClient({ baseUrl: new URL(server.url), token: server.token, timeoutMs: 2000, connections: 2 });
  api = new QuotaProxy(http, 'v01');
});
afterAll(async () => {
  await http.close();
  await server.close();
});

const seen = (from: number) => server.requests.slice(from).map((r) => `${r.method} ${r.path}`);

test('a key with / . ? # & in it stays one path segment under /admin/keys/', async () => {
  const before = server.requests.length;
  await api.deleteKey('../../x');
  await api.deleteKey('a/b?c=d#e');
  expect(seen(before)).toEqual(['DELETE /quota/admin/keys/..%2F..%2Fx', 'DELETE /quota/admin/keys/a%2Fb%3Fc%3Dd%23e']);
});

test('a key of dots only is refused before any request (servers and proxies would resolve it)', async () => {
  const before = server.requests.length;
  await expect(api.deleteKey('..')).rejects.toThrow(/refusing to put "\.\." into a URL path/);
  await expect(api.deleteKey('.')).rejects.toThrow(/refusing/);
  expect(() => http.pathFor('/admin/keys/../usage')).toThrow(/dot segment/);
  expect(server.requests.length).toBe(before);
});

test('query values are encoded: a key cannot add parameters', async () => {
  const before = server.requests.length;
  await api.resetUsage('k&day=1999-01-01#x', '2026-11-26');
  expect(seen(before)).toEqual(['POST /quota/admin/usage/reset?key=k%26day%3D1999-01-01%23x&day=2026-11-26']);
});

test(
  'a label like ../../x or =cmd() is only data: sent in the body, stored as is, ' + 'neutralised in the CSV',
  async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'labels-'));
    const context = { ...cliContext({}), workspace };
    for (const name of ['../../x', '=HYPERLINK("http://evil")']) {
      const before = server.requests.length;
      const inputs: Record<string, string> = {
        command: 'generate',
        name,
        url: server.url,
        'admin-token': server.token,
        output: 'k.csv',
      };
      const report = await run(
        parseOptions((n) => inputs[n] ?? '', {}, context),
        context,
        captureLog().log,
      );
      expect(report.ok).toBe(true);
      expect(seen(before)).toEqual([
        'GET /quota/healthz',
        'GET /quota/admin/usage?limit=1&days=1',
        'POST /quota/admin/keys',
      ]);
      expect(server.allKeys().some((k) => k.label === name)).toBe(true);
      const [row] = parse(readFileSync(report.csvPath!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(row!.label).toBe(name.startsWith('=') ? `'${name}` : name);
    }
  },
);
