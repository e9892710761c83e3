// `output` only ever replaces a regular file: a FIFO, a socket or a device (a symlink, whatever it
// points to, is refused as one) is refused as bad input before any request — as root,
// `--output /dev/null` once replaced the machine's /dev/null with a key file. (Tests use a FIFO, a
// socket and a symlink to /dev/null in a temp folder, never /dev/null itself.) And a run that
// created no key never replaces an existing CSV with a header-only one: nothing is written, nothing
// uploaded.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { CsvWriter, csvRow } from '../src/output/csv.js';
import { run } from '../src/run.js';

let server: DevServer;
let socketServer: Server | undefined;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(async () => {
  socketServer?.close();
  await server.close();
});

const temp = () => mkdtempSync(path.join(tmpdir(), 'csv-special-'));

async function makeSocket(file: string): Promise<void> {
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer!.listen(file, resolve));
}

test.each([
  ['a FIFO', 'FIFO', (file: string) => execFileSync('mkfifo', [file]), (file: string) => lstatSync(file).isFIFO()],
  ['a socket', 'socket', makeSocket, (file: string) => lstatSync(file).isSocket()],
  [
    'a symlink to a device (/dev/null)',
    'symbolic link, and the run writes no file through a link it did not make',
    (file: string) => symlinkSync('/dev/null', file),
    (file: string) => lstatSync(file).isSymbolicLink() && statSync('/dev/null').isCharacterDevice(),
  ],
] as const)(
  'output is %s: exit 2 naming output, no request, and it is still there untouched',
  async (_what, kind, make, unchanged) => {
    const dir = temp();
    const file = path.join(dir, 'keys.csv');
    await make(file);
    for (const command of [['batch', '--count', '2'], ['generate'], ['list']]) {
      const before = server.requests.length;
      const result = await runCliBundle([...command, '--url', server.url, '--token', server.token, '--output', file], {
        cwd: dir,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `^error: Invalid input 'output'.* — (expected a path for a regular file: )?.*keys\\.csv is a ${kind}`,
        ),
      );
      expect(server.requests.length).toBe(before);
      expect(unchanged(file)).toBe(true);
      expect(readdirSync(dir)).toEqual(['keys.csv']);
    }
  },
);

test(
  'something other than a regular file put at the path during the run: the CSV goes to a fresh ' + 'name beside it',
  async () => {
    const dir = temp();
    const file = path.join(dir, 'keys.csv');
    const csv = new CsvWriter(file);
    execFileSync('mkfifo', [file]);
    csv.write(
      csvRow({ key: 'sk-0123456789abcdef0123456789abcdef', label: 'late', createdAt: new Date(0) }, { server: 's' }),
    );
    const written = await csv.close();
    expect(written).toBe(path.join(dir, 'keys-2.csv'));
    expect(lstatSync(file).isFIFO()).toBe(true);
    expect(readFileSync(written!, 'utf8')).toContain('sk-0123456789abcdef0123456789abcdef');
  },
);

describe('a run that created no key never replaces an existing CSV', () => {
  const earlier = 'label,key\r\nkept,sk-earlier-run-key\r\n';
  const runBatch = async (url: string, token: string) => {
    const workspace = temp();
    writeFileSync(path.join(workspace, 'keys.csv'), earlier);
    const context = { ...cliContext({}), workspace };
    const inputs: Record<string, string> = {
      command: 'batch',
      count: '3',
      url,
      'admin-token': token,
      output: 'keys.csv',
      retries: '0',
      'skip-health-check': 'true',
    };
    const report = await run(
      parseOptions((n) => inputs[n] ?? '', {}, context),
      context,
      captureLog().log,
    );
    return { report, workspace };
  };

  test('a wrong token: the earlier CSV stays as it was, no csv-path, no temp file', async () => {
    const { report, workspace } = await runBatch(server.url, 'wrong-token-value');
    expect(report.ok).toBe(false);
    expect(report.csvPath).toBeUndefined();
    expect(readFileSync(path.join(workspace, 'keys.csv'), 'utf8')).toBe(earlier);
    expect(readdirSync(workspace)).toEqual(['keys.csv']);
  });

  test('every create refused: the earlier CSV stays as it was, csv-path is empty', async () => {
    const proxy = await startFaultProxy({
      target: server.url,
      choose: (r) => (r.method === 'POST' ? 'error500' : undefined),
    });
    try {
      const { report, workspace } = await runBatch(proxy.url, server.token);
      expect(report.ok).toBe(false);
      expect(report.outputs).toMatchObject({ 'created-count': '0', 'csv-path': '' });
      expect(report.failure).toMatch(/no CSV was written, as no key was created/);
      expect(readFileSync(path.join(workspace, 'keys.csv'), 'utf8')).toBe(earlier);
      expect(readdirSync(workspace)).toEqual(['keys.csv']);
    } finally {
      await proxy.close();
    }
  });
});
