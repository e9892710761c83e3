// The usage dashboard (usage --html) is a file, not a log line, and its texts went through no
// redactor: a server's label holding the admin token or a whole key (`was-roc_<32 hex>`) was written
// into the page as is, while the terminal showed `***` and the key shortened. Every text of the page
// (labels, facts, the server's name and URL, a failure) is now redacted before it is cut and escaped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { startDevServer } from '../src/dev-server/index.js';
import { SECRET_PIECE, shortenKey } from '../src/shared/redact.js';

const TOKEN = 'Zq7xW2-admin-Secret-Token-0001';
const KEY = `roc_${'0123456789abcdef'.repeat(2)}`;

test('usage --days --html: no piece of the token and no whole key in the page', async () => {
  const server = await startDevServer({ flavor: 'v1p', token: TOKEN });
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-secrets-'));
  try {
    for (const label of [TOKEN, `was-${KEY}`])
      server.recordUsage(server.seedKeys(1, { labelPrefix: label, dailyLimit: 10 })[0]!, 9);
    const file = path.join(dir, 'usage.html');
    const result = await runCliBundle(['usage', '--days', '7', '--html', file, '--url', server.url], {
      cwd: dir,
      env: { ADMIN_TOKEN: TOKEN },
    });
    expect(result.code).toBe(0);
    const page = readFileSync(file, 'utf8');
    // The labels did reach the page (the test would prove nothing otherwise), redacted.
    // (the dev server numbers each label: `was-<key>1`)
    expect(page).toContain(`was-${shortenKey(`${KEY}1`)}`);
    expect(page).toContain('***');
    expect(page).not.toContain(KEY);
    const pieces = Array.from({ length: TOKEN.length - SECRET_PIECE + 1 }, (_, i) => TOKEN.slice(i, i + SECRET_PIECE));
    expect(pieces.filter((piece) => page.includes(piece))).toEqual([]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
