// The notification's `text` is shown by a chat. Server text reaches it in the failure line: here a
// health path that answers 500 with a body of Slack markup (a channel-wide mention, a user mention,
// a link disguised as "Re-run the job", and the plain-text mentions other Slack-compatible chats
// turn into pings), or of Markdown, which the chats that take Slack's format (Mattermost,
// Rocket.Chat, Discord's /slack endpoint) render: a disguised link, an image (a tracking pixel
// loaded by every reader of the channel), a reference link, a `@name` mention. Received by a
// webhook of the test's own: `text` shows all of it as text, and the body's JSON holds no invisible
// character.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { marked, type Tokens } from 'marked';
import { runCliBundle } from '../__fixtures__/run-process.js';

// Within the first 100 characters: the failure line shows that much of an answer.
const MARKUP = '\u202eevil &lt; <!channel> <@U024BE7LH> <https://evil.example/rerun|Re-run the job> @here';
const MARKDOWN =
  '[Re-run the job](https://evil.example/r) ![](https://evil.example/p.png) [x][1] @alice\n\n' +
  '[1]: https://evil.example/ref';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The raw body the webhook received after `health` met a server answering 500 with `answer`. */
async function notifiedBody(answer: string): Promise<string> {
  const quotaProxy = createServer((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end(answer));
  const bodies: string[] = [];
  const webhook = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      bodies.push(text);
      res.writeHead(200).end('ok');
    });
  });
  const [url, hook] = await Promise.all([listen(quotaProxy), listen(webhook)]);
  try {
    const result = await runCliBundle(['health', '--retries', '0'], {
      env: { QUOTA_PROXY_URL: url, QUOTA_KEYS_WEBHOOK: `${hook}/services/T0/B0/secret-path-0123` },
    });
    expect(result.code).toBe(1);
    expect(bodies).toHaveLength(1);
    return bodies[0]!;
  } finally {
    quotaProxy.close();
    webhook.close();
  }
}

test('a failure line of server text: no mention, no link, nothing invisible in the chat text', async () => {
  const raw = await notifiedBody(MARKUP);
  expect(raw).not.toMatch(/[\u202e\u2028\u2029]/);
  const { text } = JSON.parse(raw) as { text: string };
  expect(text).toContain('answered 500');
  expect(text).not.toMatch(/[<>]/);
  expect(text).toContain('&lt;!channel&gt;');
  expect(text).toContain('&lt;https://evil.example/rerun|Re-run the job&gt;');
  expect(text).not.toMatch(/@here\b/);
  expect(text).toContain('＠here');
  // `&` is escaped too, so `&lt;` from the server stays the four characters it was.
  expect(text).toContain('&amp;lt;');
  expect(text).toContain('\\u{202e}evil');
});

// Before: `![](https://evil.example/p.png)` reached the text as it was, an image to a chat that renders Markdown.
test('a failure line of server Markdown, read as GFM: no image, no disguised link, no mention', async () => {
  const { text } = JSON.parse(await notifiedBody(MARKDOWN)) as { text: string };
  expect(text).toContain('Re-run the job');
  expect(text).toContain('evil.example/p.png');
  const tokens: Array<{ type: string }> = [];
  marked.walkTokens(marked.lexer(text, { gfm: true }), (token) => {
    tokens.push(token);
  });
  expect(tokens.filter((t) => t.type === 'image')).toEqual([]);
  // A bare address may be shown as a link (GFM autolinks it), but only as itself.
  for (const link of tokens.filter((t): t is Tokens.Link => t.type === 'link')) expect(link.text).toBe(link.href);
  expect(text).not.toMatch(/(?<![\p{L}\p{N}_.+-])@[\p{L}\p{N}_]/u);
});
