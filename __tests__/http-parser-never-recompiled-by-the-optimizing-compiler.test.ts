// Per-run cost (issue 21): undici parses answers with llhttp, a WebAssembly module whose main
// function is 33 KB. V8 recompiled it with its optimizing compiler after the first few answers of
// every run: 40–45 ms of CPU and 20–40 MB of memory on another thread, more than the baseline code
// saves over a 3,000-key batch (docs/performance.md). The bundles keep WebAssembly on the baseline
// compiler (src/shared/v8-flags.ts); V8's own trace of each compiled function shows it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

test('a batch parses its answers with the baseline-compiled parser only', async () => {
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'quota-keys-wasm-')), 'keys.csv');
  const args = ['batch', '--count', '40', '--url', server.url, '--token', server.token, '--output', output];
  const { done } = startProcess(process.execPath, ['--trace-wasm-compilation-times', CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const finished = await done;
  expect(finished.code).toBe(0);
  // The trace is on: the parser's functions were compiled, by the baseline compiler (Liftoff).
  expect(finished.stdout).toMatch(/Compiled function \S+ using Liftoff/);
  expect(finished.stdout).not.toMatch(/using TurboFan/);
});
