// The keys CSV of a run: written to a private temp file and renamed into place, so it replaces an
// earlier file in one step (never half-written, never readable by others), mode 0600.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());

test(
  'an existing world-readable CSV is replaced (new file, not rewritten in place) by a 0600 one; no temp ' +
    'file is left',
  async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'csv-run-'));
    const file = path.join(workspace, 'out', 'keys.csv');
    const context = { ...cliContext({}), workspace };
    const inputs: Record<string, string> = {
      command: 'batch',
      count: '3',
      url: server.url,
      'admin-token': server.token,
      output: 'out/keys.csv',
    };
    const first = await run(
      parseOptions((n) => inputs[n] ?? '', {}, context),
      context,
      captureLog().log,
    );
    expect(first.ok).toBe(true);
    chmodSync(file, 0o644);
    writeFileSync(file, 'old content\n');
    const inode = statSync(file).ino;
    const second = await run(
      parseOptions((n) => inputs[n] ?? '', {}, context),
      context,
      captureLog().log,
    );
    expect(second.ok).toBe(true);
    const stat = statSync(file);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(stat.ino).not.toBe(inode);
    expect(readFileSync(file, 'utf8')).toMatch(/^label,key,daily_limit,created_at,/);
    expect(readdirSync(path.dirname(file))).toEqual(['keys.csv']);
  },
);
