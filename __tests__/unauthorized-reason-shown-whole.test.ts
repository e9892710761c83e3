// Issue 10 case 7: a wrong admin token gets each flavor's own 401 reason, and the user must read it
// whole ("Admin token required", not "Admin token …"), while no token, ours or any other, is shown.
// Runs dist/cli.js (build first) against the dev server, whose 401 bodies are upstream's word for word.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { FLAVORS, startDevServer } from '../src/dev-server/index.js';
import { snippetOf } from '../src/shared/redact.js';

const REASONS = {
  v1: 'admin auth required',
  v01: 'admin auth required',
  v1p: 'Admin token required',
  v1a: 'Unauthorized: Admin token required',
  v10: 'Invalid admin token',
} as const;

const WRONG = 'wrongtoken';

test.each(FLAVORS.map((f) => [f]))('%s: the whole 401 reason, and no token', async (flavor) => {
  const server = await startDevServer({ flavor });
  try {
    const { code, stdout, stderr } = await runCliBundle(
      ['list', '--url', server.url, '--token', WRONG, '--skip-health-check'],
      {
        cwd: mkdtempSync(path.join(tmpdir(), 'unauthorized-')),
      },
    );
    expect(code).not.toBe(0);
    expect(stderr).toMatch(new RegExp(`answered 401: ${REASONS[flavor]}(?!…)`));
    expect(stdout + stderr).not.toContain(WRONG);
    expect(stdout + stderr).not.toContain(server.token);
  } finally {
    await server.close();
  }
});

test('a word after "token" is kept only when it is a reason, never a credential', () => {
  expect(snippetOf('{"error":"Unauthorized: Admin token required"}')).toBe(
    '{"error":"Unauthorized: Admin token required"}',
  );
  expect(snippetOf('Admin token required.')).toBe('Admin token required.');
  expect(snippetOf('bad token s3cr3t-value')).toBe('bad token …');
  expect(snippetOf('bad token changeme')).toBe('bad token …');
  expect(snippetOf('got token: required')).toBe('got token: …');
  expect(snippetOf('Authorization: Bearer required')).toBe('Authorization: Bearer …');
});
