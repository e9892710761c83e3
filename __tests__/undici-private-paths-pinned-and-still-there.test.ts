// src/transport/undici-parts.ts loads four of undici's own files instead of its index: the index also
// loads fetch, WebSocket, caches and mocks, about 17 ms of CPU and 690 KiB more at every start (see
// docs/performance.md). Those files are no public API, so undici is pinned to one exact version and
// this test fails when an update moves them or changes what they hand out: each must be the very
// object the public index hands out. No server: it reads modules only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import api from 'undici/lib/api/index.js';
import Agent from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

test('undici is pinned to one exact version, the one installed', () => {
  const pinned = json('package.json').devDependencies.undici as string;
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  expect(json('node_modules/undici/package.json').version).toBe(pinned);
});

test('without the index, the agent of undici-parts has the API methods (request, connect…)', async () => {
  const parts = await import('../src/transport/undici-parts.js');
  expect(parts.EnvHttpProxyAgent).toBe(EnvHttpProxyAgent);
  expect(parts.Agent).toBe(Agent);
  const agent = new parts.EnvHttpProxyAgent();
  expect(typeof agent.request).toBe('function');
  await agent.close();
});

test('each private file is what the public index hands out', async () => {
  const undici = await import('undici');
  expect(Dispatcher).toBe(undici.Dispatcher);
  expect(EnvHttpProxyAgent).toBe(undici.EnvHttpProxyAgent);
  expect(Agent).toBe(undici.Agent);
  // The index puts exactly these API methods on Dispatcher; undici-parts does the same without it.
  expect(Object.keys(api).sort()).toEqual(['connect', 'pipeline', 'request', 'stream', 'upgrade']);
  const methods = undici.Dispatcher.prototype as unknown as Record<string, unknown>;
  for (const [name, method] of Object.entries(api)) expect(methods[name]).toBe(method);
});
