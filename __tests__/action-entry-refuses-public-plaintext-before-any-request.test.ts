// In-process action entry: a public repository's (or an unknown one's) plaintext keys are refused
// before the first request, so no key exists that could not be handed over; encrypt-to or
// upload-artifact: false lets the run go ahead.
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

test('public repository: batch fails at once, no request or output; the summary says why, what to set', async () => {
  const { core } = await runActionInProcess(
    { command: 'batch', count: '2', url: server.url, 'admin-token': server.token },
    { repository: { full_name: 'octo/keys', private: false, visibility: 'public' } },
  );
  expect(core.failures).toHaveLength(1);
  expect(core.failures[0]).toMatch(
    /^Refusing to upload plaintext keys as an artifact of a public repository .*; no key was created\. Set encrypt-to/,
  );
  expect(server.requests).toEqual([]);
  // No output but the run's JSON document, which says it failed.
  expect(Object.keys(core.outputs)).toEqual(['json']);
  expect(JSON.parse(core.outputs.json!)).toMatchObject({ ok: false, exitCode: 1, rows: [] });
  expect(core.summaries).toHaveLength(1);
  expect(core.summaries[0]).toMatch(/^## quota-proxy batch\n\n\*\*❌ Failed:\*\* Refusing to upload plaintext keys/);
  expect(core.summaries[0]).toContain('Set encrypt-to to your age recipient');
});

test('a payload without its repository counts as public', async () => {
  const { core } = await runActionInProcess(
    { command: 'generate', url: server.url, 'admin-token': server.token },
    { repository: null },
  );
  expect(core.failures[0]).toContain('a repository that may be public (the event payload does not say)');
  expect(server.requests).toEqual([]);
});

test('upload-artifact: false lets a public repository create its keys, kept on the runner', async () => {
  const { core } = await runActionInProcess(
    {
      command: 'generate',
      name: 'local-only',
      'upload-artifact': 'false',
      url: server.url,
      'admin-token': server.token,
    },
    { repository: { private: false, visibility: 'public' } },
  );
  expect(core.failures).toEqual([]);
  expect(core.outputs['created-count']).toBe('1');
  expect(core.outputs['artifact-id']).toBeUndefined();
  expect(server.allKeys().some((k) => k.label?.startsWith('local-only'))).toBe(true);
});
