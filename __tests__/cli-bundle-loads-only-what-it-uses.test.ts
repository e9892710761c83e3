// Cold start (issue 14): the CLI loads only what a command uses. --help and --version load the
// entry and the main chunk only, not the HTTP client nor the commands; `health` loads the run's
// chunk, with only undici's agent and request API (not its index: fetch,
// WebSocket, caches, mocks), and never the artifact, encryption or dev-server chunks, nor
// csv-stringify, which only a command writing a CSV loads, nor the built-in modules only other
// commands use (node:crypto, node:fs/promises, node:timers/promises) or only a failed assertion of
// undici's needs (node:assert). What is loaded is what Node read, recorded by the bench's preload
// (scripts/lib/record-loaded.js).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const PRELOAD = path.resolve(import.meta.dirname, '../scripts/lib/record-loaded.js');
const DIST = path.dirname(CLI_BUNDLE);
const dir = mkdtempSync(path.join(tmpdir(), 'quota-keys-loaded-'));
/** Text only csv-stringify's code holds (its check of the header option). */
const CSV_STRINGIFY = 'Undiscoverable Columns';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

/** The dist files (relative) and bytes `node dist/cli.js ...args` loads. */
async function loaded(
  args: string[],
  name: string,
): Promise<{ files: string[]; bytes: number; stdout: string; chunks: string[]; builtins: string[] }> {
  const file = path.join(dir, `${name}.json`);
  const { done } = startProcess(process.execPath, ['--import', PRELOAD, CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOADED_FILE: file },
  });
  const finished = await done;
  expect(finished.code).toBe(0);
  const record = JSON.parse(readFileSync(file, 'utf8')) as {
    files: { file: string }[];
    bytes: number;
    builtins: string[];
  };
  const files = record.files.map((f) => path.relative(DIST, f.file));
  const chunks = files.map((f) => readFileSync(path.join(DIST, f), 'utf8'));
  return { files, bytes: record.bytes, stdout: finished.stdout, chunks, builtins: record.builtins };
}

test.each([
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['batch --help', ['batch', '--help']],
])('%s loads the entry and the main chunk only, without the HTTP client', async (name, args) => {
  const result = await loaded(args, name.replace(/\W+/g, '-'));
  expect(result.stdout.length).toBeGreaterThan(0);
  expect(result.files).toEqual(['cli.js', path.join('cli', 'index.js')]);
  expect(result.chunks.some((text) => text.includes(CSV_STRINGIFY))).toBe(false);
  // With the run and undici in it the main chunk was 2.2 MB.
  expect(result.bytes).toBeLessThan(600 * 1024);
});

test('health loads the run without undici’s index, nor the artifact, encryption or dev-server chunks', async () => {
  const result = await loaded(['health', '--url', server.url], 'health');
  expect(result.stdout).toContain('Healthy: yes');
  expect(result.files.length).toBeGreaterThan(2);
  // undici's index brings WebSocket (and fetch, caches, mocks) along.
  expect(result.chunks.some((text) => text.includes('class WebSocket extends EventTarget'))).toBe(false);
  expect(result.chunks.some((text) => text.includes(CSV_STRINGIFY))).toBe(false);
  // The main chunk with all of undici was 2.2 MB; the artifact chunk alone is 5.9 MB, age's 0.8 MB.
  // 1.65 MiB: 1.5996 MiB before issue 21 added 16 KiB (large listings read in parts, the redactor index).
  expect(result.bytes).toBeLessThan(1.65 * 2 ** 20);
  // Each cost the start 1–3 ms of CPU (docs/performance.md).
  expect(result.builtins).toEqual(expect.arrayContaining(['net', 'http']));
  const unused = ['crypto', 'fs/promises', 'timers/promises', 'assert'];
  expect(result.builtins.filter((name) => unused.includes(name))).toEqual([]);
});

test('a command that writes a CSV loads csv-stringify, in a chunk of its own', async () => {
  const output = path.join(dir, 'keys.csv');
  const result = await loaded(['batch', '--url', server.url, '--token', server.token, '--output', output], 'batch');
  const withIt = result.files.filter((_, i) => result.chunks[i]!.includes(CSV_STRINGIFY));
  expect(withIt).toHaveLength(1);
  expect(withIt[0]).not.toBe(path.join('cli', 'index.js'));
  expect(readFileSync(output, 'utf8')).toMatch(/^label,key,daily_limit,created_at,/);
});
