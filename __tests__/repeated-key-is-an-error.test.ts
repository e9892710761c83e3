// A server that answers one key for several creates (broken, or hostile) is reported as an error:
// the key is counted once, in the CSV once, and the step fails saying why.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { startRepeatingKeyServer } from '../__fixtures__/repeating-key-server.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { run } from '../src/run.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'repeated-key-'));

test.each<['v1' | 'v01', string, string]>([
  ['v1', '', '1'],
  ['v1', '', '4'],
  ['v01', 'v01', '4'],
])(
  'a %s server that answers the same key to every create (server-flavor "%s", concurrency %s): counted ' +
    'once, and an error',
  async (shape, forced, concurrency) => {
    const server = await startRepeatingKeyServer(shape);
    try {
      const context = { ...cliContext({}), workspace };
      const all: Record<string, string> = {
        url: server.url,
        'admin-token': server.token,
        command: 'batch',
        name: 'same',
        count: '5',
        concurrency,
        'server-flavor': forced,
        output: `${shape}-${concurrency}.csv`,
      };
      const report = await run(
        parseOptions((n) => all[n] ?? '', {}, context),
        context,
        captureLog().log,
      );
      const rows = parse(readFileSync(report.csvPath!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(rows.map((r) => r.key)).toEqual([server.key]);
      expect(report.ok).toBe(false);
      expect(report.outputs).toMatchObject({ 'created-count': '1', 'failed-count': '4' });
      expect(report.failure).toMatch(/the server answered \d+ key\(s\) it had already given for another create/);
      expect(String(report.facts.get('repeated_keys'))).toMatch(/^[1-4]$/);
    } finally {
      await server.close();
    }
  },
);
