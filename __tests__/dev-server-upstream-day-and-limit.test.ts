// The dev server as upstream runs: DAILY_REQ_LIMIT from the environment, usage days in the server's
// own zone (--tz, like running it with TZ=…), and refusals as upstream's v1 and v01 do them.

import { chat } from '../__fixtures__/read-commands.js';
import { devServerMain } from '../src/dev-server/index.js';

const dayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function started(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const ac = new AbortController();
  const done = devServerMain(['--port', '0', '--token', 'admintoken', ...argv], {
    stdout: (l) => out.push(l),
    env,
    signal: ac.signal,
  });
  for (let i = 0; i < 200 && out.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
  const url = /listening on (\S+)$/.exec(out[0] ?? '')![1]!;
  const admin = async (path: string, init: RequestInit = {}) => {
    const answer = await fetch(url + path, {
      ...init,
      headers: { authorization: 'Bearer admintoken', 'content-type': 'application/json' },
    });
    return (await answer.json()) as any;
  };
  return {
    url,
    admin,
    stop: () => {
      ac.abort();
      return done;
    },
  };
}

test.each([
  ['v1', 3, 'Daily limit exceeded (3 requests). Reset at midnight UTC.'],
  ['v01', 4, 'Trial quota exceeded (daily requests>3).'],
])('%s: DAILY_REQ_LIMIT=3 and --tz Pacific/Kiritimati', async (flavor, counted, message) => {
  const server = await started(['--flavor', flavor, '--tz', 'Pacific/Kiritimati'], { DAILY_REQ_LIMIT: '3' });
  try {
    const { key } = await server.admin('/admin/keys', { method: 'POST', body: '{"label":"x"}' });
    for (let i = 0; i < 3; i++) expect(await chat(server, key)).toBe(200);
    const refused = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as any).error.message).toBe(message);
    // v1 does not count the refused request; v01 does. Either way, on the server's own day.
    const usage =
      flavor === 'v1'
        ? (await server.admin('/admin/usage')).items
        : (await server.admin('/admin/usage?limit=10')).items;
    expect(usage).toEqual([
      expect.objectContaining({
        day: dayIn('Pacific/Kiritimati'),
        [flavor === 'v1' ? 'requests' : 'req_count']: counted,
      }),
    ]);
  } finally {
    expect(await server.stop()).toBe(0);
  }
});

test('an unknown zone or a bad DAILY_REQ_LIMIT is refused at start', async () => {
  const err: string[] = [];
  expect(
    await devServerMain(['--port', '0', '--tz', 'Mars/Olympus'], {
      stderr: (l) => err.push(l),
      stdout: () => undefined,
    }),
  ).toBe(1);
  expect(err[0]).toMatch(/unknown time zone Mars\/Olympus/);
  expect(
    await devServerMain(['--port', '0'], {
      stderr: (l) => err.push(l),
      stdout: () => undefined,
      env: { DAILY_REQ_LIMIT: 'lots' },
    }),
  ).toBe(2);
  expect(err[1]).toMatch(/DAILY_REQ_LIMIT/);
});
