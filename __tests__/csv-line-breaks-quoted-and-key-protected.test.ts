// A cell holding a line break is quoted, whatever the break (csv-stringify quotes CRLF but left a
// bare LF or CR bare, so a label `x\n=1+2*cmd` became a row of its own starting with a formula in
// any reader that splits on LF), and the key column is formula-protected like every other cell.
// Labels and keys come from a hostile server here, through `list --output`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { run } from '../src/run.js';

const KEYS = [
  { key: '=1+2*cmd|x', label: 'x\n=1+2*cmd', created_at: 1_764_000_000_000, daily_limit: 5, is_active: 1 },
  {
    key: 'roc_0123456789abcdef0123456789abcdef',
    label: 'a\r@SUM(A1)',
    created_at: 1_764_000_000_000,
    daily_limit: 5,
    is_active: 1,
  },
  { key: '@evil', label: 'plain', created_at: 1_764_000_000_000, daily_limit: 5, is_active: 1 },
];

test('LF and CR inside cells are quoted, no record starts with a formula, and keys are protected', async () => {
  const server = createServer((req, res) => {
    req.resume();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(req.url?.startsWith('/admin/keys') ? JSON.stringify(KEYS) : '{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const workspace = mkdtempSync(path.join(tmpdir(), 'csv-breaks-'));
    const context = { ...cliContext({}), workspace };
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const inputs: Record<string, string> = {
      command: 'list',
      url,
      'admin-token': 'tok-list-secret',
      output: 'keys.csv',
      'server-flavor': 'v1p',
    };
    const report = await run(
      parseOptions((n) => inputs[n] ?? '', {}, context),
      context,
      captureLog().log,
    );
    expect(report.ok).toBe(true);
    const text = readFileSync(report.csvPath!, 'utf8');
    expect(text).toContain('"x\n=1+2*cmd"');
    expect(text).toContain('"a\r@SUM(A1)"');
    // A strict reader (CRLF records) and one that splits records at any LF both see three keys.
    for (const delimiter of [undefined, ['\n']]) {
      const rows = parse(text, { columns: true, ...(delimiter ? { record_delimiter: delimiter } : {}) }) as Array<
        Record<string, string>
      >;
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.label)).toEqual(['x\n=1+2*cmd', 'a\r@SUM(A1)', 'plain']);
      expect(rows.map((r) => r.key)).toEqual(["'=1+2*cmd|x", 'roc_0123456789abcdef0123456789abcdef', "'@evil"]);
      for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  } finally {
    server.close();
  }
});
