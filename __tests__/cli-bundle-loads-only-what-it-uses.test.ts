// Cold start (issue 14): the CLI loads only what a command uses. --help and --version load the
// entry and the main chunk only, not the HTTP client nor the commands; `health` loads the run's
// chunk, with only undici's agent, retry interceptor and request API (not its index: fetch,
// WebSocket, caches, mocks), and never the artifact, encryption or dev-server chunks. What is
// loaded is what Node read, recorded by the bench's preload (scripts/lib/record-loaded.js).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const PRELOAD = path.resolve(import.meta.dirname, '../scripts/lib/record-loaded.js');
const DIST = path.dirname(CLI_BUNDLE);
const dir = mkdtempSync(path.join(tmpdir(), 'quota-keys-loaded-'));

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

/** The dist files (relative) and bytes `node dist/cli.js ...args` loads. */
async function loaded(args: string[], name: string): Promise<{ files: string[]; bytes: number; stdout: string }> {
  const file = path.join(dir, `${name}.json`);
  const { done } = startProcess(process.execPath, ['--import', PRELOAD, CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOADED_FILE: file },
  });
  const finished = await done;
  expect(finished.code).toBe(0);
  const record = JSON.parse(readFileSync(file, 'utf8')) as { files: { file: string }[]; bytes: number };
  return { files: record.files.map((f) => path.relative(DIST, f.file)), bytes: record.bytes, stdout: finished.stdout };
}

test.each([
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['batch --help', ['batch', '--help']],
])('%s loads the entry and the main chunk only, without the HTTP client', async (name, args) => {
  const result = await loaded(args, name.replace(/\W+/g, '-'));
  expect(result.stdout.length).toBeGreaterThan(0);
  expect(result.files).toEqual(['cli.js', path.join('cli', 'index.js')]);
  // With the run and undici in it the main chunk was 2.2 MB.
  expect(result.bytes).toBeLessThan(600 * 1024);
});

test('health loads the run without undici’s index, nor the artifact, encryption or dev-server chunks', async () => {
  const result = await loaded(['health', '--url', server.url], 'health');
  expect(result.stdout).toContain('Healthy: yes');
  expect(result.files.length).toBeGreaterThan(2);
  // undici's index brings WebSocket (and fetch, caches, mocks) along.
  const chunks = result.files.map((f) => readFileSync(path.join(DIST, f), 'utf8'));
  expect(chunks.some((text) => text.includes('class WebSocket extends EventTarget'))).toBe(false);
  // The main chunk with all of undici was 2.2 MB; the artifact chunk alone is 5.9 MB, age's 0.8 MB.
  // 1.65 MiB: 1.5996 MiB before issue 21 added 16 KiB (large listings read in parts, the redactor index).
  expect(result.bytes).toBeLessThan(1.65 * 2 ** 20);
});
