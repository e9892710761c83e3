// The dotenv (GitLab's `reports: dotenv`, --dotenv) is an artifact and later jobs' variables, and it
// was written unredacted: with config, QUOTA_KEYS_RESULTS holds each server's failure as it happened,
// whose request target (`DELETE …/admin/keys/<key>`) named the key whole, while every log line showed
// it shortened. Each value is now redacted with the run's redactor.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { shortenKey } from '../src/shared/redact.js';

const KEY = `sk-${'0123456789abcdef'.repeat(3)}`;
const ODD = 'odd.key.0123456789';

test.each([KEY, ODD])('delete --config of %s, refused by the server: the dotenv names it shortened', async (key) => {
  const server = await startEchoTokenServer({ status: 500, contentType: 'text/plain', body: () => 'busy' });
  const dir = mkdtempSync(path.join(tmpdir(), 'dotenv-key-'));
  try {
    writeFileSync(
      path.join(dir, 'servers.yml'),
      `servers:\n  - name: one\n    url: ${server.url}\n    token-env: ONE_TOKEN\n    server-flavor: v1\n`,
    );
    const result = await runCliBundle(
      ['delete', '--key', key, '--config', 'servers.yml', '--dotenv', 'out.env', '--retries', '0'],
      { cwd: dir, env: { ONE_TOKEN: 'tok-admin-QwErTyUiOp' } },
    );
    expect(result.code).toBe(1);
    const dotenv = readFileSync(path.join(dir, 'out.env'), 'utf8');
    // The failure did reach the file (the test would prove nothing otherwise), with the key shortened.
    expect(dotenv).toContain(`QUOTA_KEYS_RESULTS=[{"name":"one"`);
    expect(dotenv).toContain(`/admin/keys/${shortenKey(key)} answered 500: busy`);
    expect(dotenv).not.toContain(key);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
