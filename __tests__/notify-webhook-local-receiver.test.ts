// notify-webhook against a receiver of our own over a real socket: one POST of a short JSON body
// (Slack `text` plus fields) on failure and on alerts (the default), nothing on a quiet success
// unless notify-on says always; never a key, a token or the webhook's own path in it or in the
// log. A receiver that answers 500 or never answers is a warning: the step's result stands, and
// the run ends within the documented bound (NOTIFY_TIMEOUT_MS).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { NOTIFY_TIMEOUT_MS, notifyAfterRun } from '../src/output/notify.js';
import { Report } from '../src/report/report.js';

interface Received {
  method: string;
  path: string;
  type: string;
  body: Record<string, any>;
}

/** A webhook receiver on 127.0.0.1: records each request, answers with `answer`. */
async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({
        method: req.method!,
        path: req.url!,
        type: String(req.headers['content-type']),
        body: JSON.parse(text),
      });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${HOOK_PATH}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { url, received, close };
}

const HOOK_PATH = '/services/T0000/B0000/webhook-secret-0123456789';
let v1: DevServer;
let v1a: DevServer;
let ok: Awaited<ReturnType<typeof receiver>>;
beforeAll(async () => {
  [v1, v1a] = await Promise.all([startDevServer({ flavor: 'v1' }), startDevServer({ flavor: 'v1a' })]);
  ok = await receiver((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
});
afterEach(() => ok.received.splice(0));
afterAll(() => Promise.all([v1.close(), v1a.close(), ok.close()]));

const secretsOf = () => [
  v1.token,
  v1a.token,
  HOOK_PATH,
  'webhook-secret',
  ...[v1, v1a].flatMap((s) => s.allKeys().map((k) => k.key)),
];

test('a failed server among two: one POST naming both servers, their counts and the run URL; no secret', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notify-'));
  const config = path.join(dir, 'servers.yml');
  writeFileSync(
    config,
    `servers:\n  - { name: alpha, url: "${v1.url}", token-env: A_TOKEN }\n` +
      `  - { name: beta, url: "${v1a.url}", token-env: B_TOKEN }\n`,
  );
  const { core } = await runActionInProcess(
    { command: 'batch', count: '2', config, 'notify-webhook': ok.url },
    { runId: 5150, env: { A_TOKEN: v1.token, B_TOKEN: 'a-wrong-token-for-beta', GITHUB_RUN_ID: '5150' } },
  );
  expect(core.failures).toHaveLength(1);
  expect(ok.received).toHaveLength(1);
  const [post] = ok.received;
  expect(post).toMatchObject({ method: 'POST', path: HOOK_PATH, type: 'application/json' });
  expect(post!.body).toMatchObject({
    command: 'batch',
    ok: false,
    reason: 'failure',
    run_url: 'https://github.com/octo/keys/actions/runs/5150/attempts/1',
    servers: [
      { name: 'alpha', ok: true, created: 2, failed: 0, flavor: 'v1' },
      { name: 'beta', ok: false, failure: expect.stringContaining('refused the admin token') },
    ],
  });
  expect(post!.body.text).toMatch(
    new RegExp(
      String.raw`^quota-keys batch failed on 1 of 2 server\(s\)\n• alpha: ok \(2 created\)\n` +
        '• beta: FAILED: The server refused the admin token from env B_TOKEN',
    ),
  );
  expect(post!.body.text).toContain('https://github.com/octo/keys/actions/runs/5150');
  // The webhook's path is masked on the runner and never shown; nor is a token or a key sent.
  expect(core.masked).toContain(HOOK_PATH);
  const shown = `${core.shown()}\n${JSON.stringify(post!.body)}`;
  for (const secret of [...secretsOf(), 'a-wrong-token-for-beta']) expect(shown).not.toContain(secret);
});

test('default notify-on: a quiet success posts nothing; notify-on always posts', async () => {
  const base = [
    'generate',
    '--url',
    v1.url,
    '--name',
    'quiet',
    '--output',
    path.join(mkdtempSync(path.join(tmpdir(), 'n-')), 'k.csv'),
  ];
  const quiet = await runCliInProcess(base, { ADMIN_TOKEN: v1.token, QUOTA_KEYS_WEBHOOK: ok.url });
  expect(quiet.code).toBe(0);
  expect(ok.received).toEqual([]);
  const always = await runCliInProcess([...base, '--notify-on', 'always', '--notify-webhook', ok.url], {
    ADMIN_TOKEN: v1.token,
  });
  expect(always.code).toBe(0);
  expect(ok.received).toHaveLength(1);
  expect(ok.received[0]!.body).toMatchObject({ ok: true, reason: 'always', servers: [{ created: 1 }] });
  expect(ok.received[0]!.body.servers[0].name).toBe(new URL(v1.url).host);
  for (const secret of secretsOf()) expect(`${always.stderr}${always.stdout}`).not.toContain(secret);
});

test('alerts notify by default, naming the count; the step still passes', async () => {
  const [hot] = v1a.seedKeys(1, { labelPrefix: 'hot-', dailyLimit: 100 });
  v1a.recordUsage(hot!, 90);
  const { code, stderr } = await runCliInProcess(['usage', '--url', v1a.url, '--label-prefix', 'hot-'], {
    ADMIN_TOKEN: v1a.token,
    QUOTA_KEYS_WEBHOOK: ok.url,
  });
  expect(code).toBe(0);
  expect(ok.received).toHaveLength(1);
  expect(ok.received[0]!.body).toMatchObject({ ok: true, reason: 'alert', alerts: 1, servers: [{ alerts: 1 }] });
  expect(JSON.stringify(ok.received[0]!.body)).not.toContain(hot);
  expect(stderr).not.toContain(hot);
});

test('a receiver answering 500 is a warning; the result stands', async () => {
  const failing = await receiver((_req, res) => res.writeHead(500).end('upstream down'));
  try {
    const { core } = await runActionInProcess(
      { command: 'health', url: v1.url, 'notify-webhook': failing.url, 'notify-on': 'always' },
      { env: {} },
    );
    expect(failing.received).toHaveLength(1);
    expect(core.failures).toEqual([]);
    expect(core.lines).toContainEqual("warning: notify-webhook answered 500: upstream down; the run's result stands.");
  } finally {
    await failing.close();
  }
});

test(
  'a receiver that never answers is given up after the bound: a warning, the result stands',
  async () => {
    const hanging = await receiver(() => {});
    try {
      const { code, stderr } = await runCliInProcess(['health', '--url', v1.url, '--notify-on', 'always'], {
        QUOTA_KEYS_WEBHOOK: hanging.url,
      });
      expect(hanging.received).toHaveLength(1);
      expect(code).toBe(0);
      expect(stderr).toContain(
        `warning: notify-webhook could not be notified (no answer within ${NOTIFY_TIMEOUT_MS / 1000} s); ` +
          "the run's result stands.",
      );
      expect(stderr).not.toContain('webhook-secret');
    } finally {
      await hanging.close();
    }
  },
  NOTIFY_TIMEOUT_MS + 10_000,
);

test('the body goes through the Redactor: a token or key in a failure is not sent', async () => {
  const { log } = captureLog();
  const key = v1.seedKeys(1)[0]!;
  log.secret(v1.token, 'token');
  const report = new Report('t').fail(`server said: token ${v1.token} invalid for ${key}`);
  report.outputs.alerts = '0';
  await notifyAfterRun(
    { command: 'reset', notifyWebhook: new URL(ok.url), notifyOn: ['failure'] },
    [{ name: 'x', url: v1.url, report }],
    undefined,
    log,
  );
  const sent = JSON.stringify(ok.received[0]!.body);
  expect(sent).toContain('server said');
  expect(sent).not.toContain(v1.token);
  expect(sent).not.toContain(key);
});

test('a failed upload after a good run is a failure to notify, said in the body', async () => {
  const { startArtifactService } = await import('../__fixtures__/artifact-service.js');
  const refusing = await startArtifactService({ failCreate: true });
  const saved = { ...process.env };
  const stdoutWrite = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    Object.assign(process.env, refusing.env);
    const { core } = await runActionInProcess(
      { command: 'generate', name: 'upload-fails', url: v1.url, 'admin-token': v1.token, 'notify-webhook': ok.url },
      { env: refusing.env },
    );
    expect(core.failures).toHaveLength(1);
    expect(ok.received).toHaveLength(1);
    expect(ok.received[0]!.body).toMatchObject({
      ok: false,
      reason: 'failure',
      failure: expect.stringMatching(/^Uploading the CSV as artifact .* failed/),
      servers: [{ ok: true, created: 1 }],
    });
    expect(ok.received[0]!.body.text).toMatch(/^quota-keys generate failed after the run\n/);
  } finally {
    process.stdout.write = stdoutWrite;
    for (const name of Object.keys(refusing.env)) if (saved[name] === undefined) delete process.env[name];
    await refusing.close();
  }
});
