// A server that echoes the admin token in its 401 and 500 bodies — cut by `&` or `;`, with quotes,
// JSON-, URL- or HTML-escaped, split over words — never gets any piece of it printed: not the
// token, not any 8 characters of it in a row, in stdout, stderr, the job summary, the outputs or
// the `::error::` annotation of the bundled action and CLI. Each case has its own server and
// processes: the cases run at once.

import { startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { secretForms } from '../src/shared/redact.js';

const TOKEN = `Adm1n&Secret;Part"Two'Q-uoted/Tail+99=x`;

/** Every 8 characters in a row of the token, in every form a server may echo it in. */
const pieces = [
  ...new Set(
    secretForms(TOKEN).flatMap((form) => Array.from({ length: form.length - 7 }, (_, i) => form.slice(i, i + 8))),
  ),
];

const words = (token: string) => token.match(/.{1,9}/g)!.join(' ');
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;');

const BODIES: Record<string, { contentType?: string; body: (token: string) => string }> = {
  'JSON error with Bearer': { body: (t) => JSON.stringify({ error: { message: `invalid credentials: Bearer ${t}` } }) },
  'plain text, token first': {
    contentType: 'text/plain',
    body: (t) => `${t} was refused (Authorization: Bearer ${t})`,
  },
  'URL-encoded in a query': {
    contentType: 'text/plain',
    body: (t) => `denied: /admin/keys?admin_token=${encodeURIComponent(t)}&x=1`,
  },
  'HTML-escaped page': {
    contentType: 'text/html',
    body: (t) => `<html><body><p>token &quot;${html(t)}&quot; rejected</p></body></html>`,
  },
  'split over words': { contentType: 'text/plain', body: (t) => `bad token ${words(t)} end` },
};

function expectNoPiece(printed: string) {
  const found = pieces.filter((piece) => printed.includes(piece));
  expect(found).toEqual([]);
}

describe.each(Object.entries(BODIES))('%s', (_name, { contentType, body }) => {
  test.concurrent.each([401, 500])('answered %i: the bundled action prints no piece of the token', async (status) => {
    const server = await startEchoTokenServer({ status, contentType, body });
    try {
      const result = await runBundledAction(
        {
          command: 'batch',
          count: '2',
          url: server.url,
          'admin-token': TOKEN,
          retries: '0',
          'timeout-seconds': '15',
          'upload-artifact': 'false',
        },
        { env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' } },
      );
      expect(result.code).toBe(1);
      const lines = result.stdout.split('\n');
      // The server's answer did reach the messages (the test would prove nothing otherwise).
      expect(result.stdout).toMatch(new RegExp(`answered ${status}`));
      expect(lines.some((l: string) => l.startsWith('::error::'))).toBe(true);
      const printed = [
        lines.filter((l: string) => !l.startsWith('::add-mask::')).join('\n'),
        result.stderr,
        result.summary,
        JSON.stringify(result.outputs),
      ].join('\n');
      expectNoPiece(printed);
    } finally {
      await server.close();
    }
  });

  test.concurrent.each([401, 500])(
    'answered %i: the CLI prints no piece of the token (token from --token, then from ADMIN_TOKEN)',
    async (status) => {
      const server = await startEchoTokenServer({ status, contentType, body });
      try {
        for (const how of [{ args: ['--token', TOKEN] }, { args: [], env: { ADMIN_TOKEN: TOKEN } }]) {
          const result = await runCliBundle(
            ['batch', '--count', '2', '--url', server.url, '--retries', '0', '--timeout-seconds', '15', ...how.args],
            { env: { QUOTA_KEYS_DEBUG: '1', ...how.env } },
          );
          expect(result.code).toBe(1);
          expect(result.stderr).toMatch(new RegExp(`answered ${status}`));
          expectNoPiece(result.stdout + result.stderr);
        }
      } finally {
        await server.close();
      }
    },
  );
});
