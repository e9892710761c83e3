// Unit: input parsing (src/config/options.ts) over many inputs: what each accepts, its bounds, and a
// one-line InputError naming the input for everything else (options.test.ts holds the first cases).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliContext, githubContext, gitlabContext, type RunContext } from '../src/config/context.js';
import { InputError, parseOptions } from '../src/config/options.js';
import { localDay, parseBoolean, parseUrl, parseWholeNumber } from '../src/config/values.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'unit-options-'));
const now = new Date(2026, 10, 26, 9, 0, 0);
const cli: RunContext = { ...cliContext({}, now), runId: 'run1', workspace };
const github: RunContext = {
  ...githubContext({ eventName: 'workflow_dispatch', runId: 7, payload: {} }, { GITHUB_WORKSPACE: workspace }, now),
  workspace,
};
const gitlab: RunContext = { ...gitlabContext({ CI_PIPELINE_ID: '9', CI_JOB_ID: '3' }, now), workspace };

const parse = (inputs: Record<string, string>, context = cli, env: NodeJS.ProcessEnv = {}) =>
  parseOptions((name) => ({ 'admin-token': 'tok', url: 'http://127.0.0.1:8787', ...inputs })[name] ?? '', env, context);
/** The InputError's message, checked to name `input` on one line. */
function refusal(inputs: Record<string, string>, input: string, context = cli, env: NodeJS.ProcessEnv = {}): string {
  let error: unknown;
  try {
    parse(inputs, context, env);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  const { message } = error as Error;
  expect(message).toContain(`Invalid input '${input}'`);
  expect(message).not.toMatch(/[\r\n]/);
  return message;
}

describe('parseBoolean', () => {
  test.each(['true', 'TRUE', 'yes', 'On', '1'])('%s is true', (raw) => expect(parseBoolean('x', raw)).toBe(true));
  test.each(['false', 'No', 'off', '0'])('%s is false', (raw) => expect(parseBoolean('x', raw)).toBe(false));
  test.each(['', 'y', 'n', 'truthy', '2', ' true'])('%j is refused', (raw) => {
    expect(() => parseBoolean('dry-run', raw)).toThrow(/Invalid input 'dry-run'.*expected true or false/);
  });
});

describe('parseWholeNumber', () => {
  test('the bounds are inclusive', () => {
    expect(parseWholeNumber('n', '1', 1, 5)).toBe(1);
    expect(parseWholeNumber('n', '5', 1, 5)).toBe(5);
    expect(parseWholeNumber('n', '007', 1, 10)).toBe(7);
  });
  test.each(['0', '6', '-1', '+3', '3.0', ' 3', '0x3', '3e0', ''])('%j is refused for 1..5', (raw) => {
    expect(() => parseWholeNumber('n', raw, 1, 5)).toThrow('expected a whole number from 1 to 5');
  });
});

describe('parseUrl', () => {
  test('http and https, with a path, a port, IPv6', () => {
    expect(parseUrl('https://qp.example/base/').href).toBe('https://qp.example/base/');
    expect(parseUrl('http://[::1]:8787').port).toBe('8787');
  });
  test.each(['http://h/?admin_token=secret', 'http://h/#frag', 'http://h/?'])('%s: no query or fragment', (raw) => {
    let message = '';
    try {
      parseUrl(raw);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('without ?query or #fragment');
    expect(message).not.toContain('secret');
  });
});

test('localDay is the runner’s local date', () => {
  expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
});

describe('where the server and the token come from', () => {
  test('GitHub and GitLab have no default URL: an empty one says what to set', () => {
    expect(refusal({ url: '' }, 'url', github)).toContain('repository variable QUOTA_PROXY_URL');
    expect(refusal({ url: '' }, 'url', gitlab)).toContain('CI/CD variable QUOTA_PROXY_URL');
    expect(parse({ url: '' }, gitlab, { QUOTA_PROXY_URL: ' https://qp.example ' }).url.host).toBe('qp.example');
    expect(parse({ url: '' }).url.href).toBe('http://localhost:8787/');
  });

  test('require-https refuses http:// to another host, never loopback', () => {
    expect(refusal({ url: 'http://qp.example', 'require-https': 'true' }, 'url')).toContain('require-https is true');
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:1', 'http://[::1]:2', 'https://qp.example'])
      expect(parse({ url, 'require-https': 'true' }).requireHttps).toBe(true);
  });

  test('the token: trimmed of outer blanks and trailing line breaks, else the environment; its source named', () => {
    expect(parse({ 'admin-token': ' \ttok \r\n' })).toMatchObject({ token: 'tok', tokenSource: '--token' });
    expect(parse({ 'admin-token': 'x' }, github).tokenSource).toBe('input admin-token');
    expect(parse({ 'admin-token': '' }, cli, { ADMIN_TOKEN: 'env\n' })).toMatchObject({
      token: 'env',
      tokenSource: 'env ADMIN_TOKEN',
    });
    expect(parse({ 'admin-token': '' }, gitlab, { ADMIN_TOKEN: 'e' }).tokenSource).toContain('QUOTA_PROXY_ADMIN_TOKEN');
  });

  test.each([
    ['a tab inside', 'ab\tcd', 'a control character'],
    ['an escape', 'ab\u001bcd', 'a control character'],
    ['a C1 control', 'ab\u0085cd', 'a control character'],
    ['a full-width character', 'ab\uff41cd', 'outside Latin-1'],
    ['Chinese', '令牌abc', 'outside Latin-1'],
    ['a line break inside', 'ab\ncd', 'a line break'],
  ])('a token with %s is refused without being shown', (_what, token, why) => {
    const message = refusal({ 'admin-token': token }, 'admin-token');
    expect(message).toContain(why);
    expect(message).not.toContain('ab');
  });

  test('Latin-1 letters are sendable', () => {
    expect(parse({ 'admin-token': 'café-ñ' }).token).toBe('café-ñ');
  });

  test('the token missing names where to set it, per platform', () => {
    expect(refusal({ 'admin-token': '' }, 'admin-token', github)).toContain('secrets.QUOTA_PROXY_ADMIN_TOKEN');
    expect(refusal({ 'admin-token': '', command: 'list' }, 'admin-token')).toContain('required for list');
  });
});

describe('names and labels', () => {
  test('generate and batch put their labels under label-prefix, once', () => {
    expect(parse({ name: 'x', 'label-prefix': 'auto-' }).name).toBe('auto-x');
    expect(parse({ name: 'auto-x', 'label-prefix': 'auto-' }).name).toBe('auto-x');
    expect(parse({ command: 'generate', 'label-prefix': 'ci-' }).name).toBe('ci-batch-20261126');
    expect(parse({ command: 'list', name: 'x', 'label-prefix': 'auto-' }).name).toBe('x');
  });

  test('a name of more than one line or 200 characters, and a label-prefix of two lines, are refused', () => {
    refusal({ name: 'a\nb' }, 'name');
    refusal({ name: 'a\0b' }, 'name');
    refusal({ name: 'x'.repeat(201) }, 'name');
    expect(parse({ name: 'x'.repeat(200) }).name).toHaveLength(200);
    refusal({ 'label-prefix': 'a\rb' }, 'label-prefix');
  });
});

describe('which keys reset, delete and rotate act on', () => {
  test.each(['reset', 'delete'])('%s needs a key or a label', (command) => {
    expect(refusal({ command }, 'key')).toContain(`${command} needs the key`);
    expect(parse({ command, key: 'sk-1' }).key).toBe('sk-1');
    expect(parse({ command, name: 'label' }).name).toBe('label');
  });

  test('a key with a control character is refused and not echoed', () => {
    expect(refusal({ command: 'reset', key: 'sk-secret\tx' }, 'key')).not.toContain('secret');
  });

  test('rotate needs an age or idle days, and a label-prefix or all-labels', () => {
    expect(refusal({ command: 'rotate', 'label-prefix': 'a-' }, 'older-than-days')).toContain('unless idle-days');
    expect(refusal({ command: 'rotate', 'older-than-days': '30' }, 'label-prefix')).toContain('all-labels');
    expect(parse({ command: 'rotate', 'idle-days': '14', 'all-labels': 'yes' })).toMatchObject({
      idleDays: 14,
      allLabels: true,
      olderThanDays: undefined,
    });
    expect(parse({ command: 'rotate', 'older-than-days': '0', 'label-prefix': 'a-' }).olderThanDays).toBe(0);
    refusal({ command: 'rotate', 'older-than-days': '36501', 'label-prefix': 'a-' }, 'older-than-days');
    refusal({ command: 'rotate', 'idle-days': '91', 'label-prefix': 'a-' }, 'idle-days');
    refusal({ command: 'rotate', 'idle-days': '0', 'label-prefix': 'a-' }, 'idle-days');
  });
});

describe('usage inputs', () => {
  test('defaults', () => {
    expect(parse({ command: 'usage' })).toMatchObject({
      alertThreshold: 80,
      days: 1,
      forecastDays: 7,
      spikeFactor: 3,
      spikeMinRequests: 20,
      day: undefined,
      html: undefined,
    });
  });

  test.each(['2026-11-26', '2024-02-29'])('day %s is taken', (day) => {
    expect(parse({ command: 'usage', day }).day).toBe(day);
  });
  test.each(['2026-02-29', '2026-11-31', '26-11-2026', '2026-1-5', 'today', '2026-11-26T00:00'])(
    'day %j is refused',
    (day) => {
      expect(refusal({ command: 'usage', day }, 'day')).toContain('YYYY-MM-DD');
    },
  );

  test('days, forecast-days, spike-factor and spike-min-requests are bounded', () => {
    expect(parse({ command: 'usage', days: '90', 'forecast-days': '365', 'spike-factor': '1.1' })).toMatchObject({
      days: 90,
      forecastDays: 365,
      spikeFactor: 1.1,
    });
    refusal({ command: 'usage', days: '91' }, 'days');
    refusal({ command: 'usage', 'forecast-days': '0' }, 'forecast-days');
    for (const factor of ['1', '1.05', '1001', '-3', '3x', '.5'])
      expect(refusal({ command: 'usage', 'spike-factor': factor }, 'spike-factor')).toContain('1.1 to 1000');
    refusal({ command: 'usage', 'spike-min-requests': '0' }, 'spike-min-requests');
  });

  test('html: only usage writes a dashboard; the action writes one by default for several days', () => {
    expect(refusal({ command: 'list', html: 'd.html' }, 'html')).toContain('only usage writes a dashboard');
    expect(parse({ command: 'usage', html: 'd.html' }).html).toBe(path.join(workspace, 'd.html'));
    expect(parse({ command: 'usage', days: '7' }, github).html).toBe(path.join(workspace, 'usage-dashboard-7.html'));
    expect(parse({ command: 'usage', days: '7', html: 'none' }, github).html).toBeUndefined();
    expect(parse({ command: 'usage', days: '1' }, github).html).toBeUndefined();
    expect(parse({ command: 'usage', days: '7' }).html).toBeUndefined();
    expect(refusal({ command: 'usage', html: 'sub/' }, 'html')).toContain('not a folder');
  });
});

describe('how the run goes', () => {
  test('defaults', () => {
    expect(parse({})).toMatchObject({
      retries: 3,
      maxWaitMs: 120_000,
      onRateLimit: 'wait',
      minSuccess: 1,
      retentionDays: 1,
      uploadArtifact: true,
      dryRun: false,
      serverConcurrency: 1,
      notifyOn: ['failure', 'alert'],
      expiresInDays: undefined,
    });
  });

  test('min-success: up to the count for batch, up to 1 otherwise', () => {
    expect(parse({ count: '10', 'min-success': '0' }).minSuccess).toBe(0);
    expect(parse({ count: '10' }).minSuccess).toBe(10);
    expect(refusal({ count: '10', 'min-success': '11' }, 'min-success')).toContain('0 to 10');
    expect(refusal({ command: 'generate', 'min-success': '2' }, 'min-success')).toContain('0 to 1');
  });

  test.each([
    ['retries', '11'],
    ['max-wait-seconds', '3601'],
    ['on-rate-limit', 'retry'],
    ['expires-in-days', '0'],
    ['expires-in-days', '3651'],
    ['retention-days', '91'],
    ['server-concurrency', '9'],
    ['server-daily-limit', '0'],
  ])('%s %j is refused', (input, raw) => {
    refusal({ [input]: raw }, input);
  });

  test('server-daily-limit has no default: unknown unless given', () => {
    expect(parse({}).serverDailyLimit).toBeUndefined();
    expect(parse({ 'server-daily-limit': '500' }).serverDailyLimit).toBe(500);
  });

  test('server without config is refused; config is resolved in the workspace', () => {
    expect(refusal({ server: 'eu' }, 'server')).toContain('set config too');
    expect(parse({ config: 'servers.yml', server: 'eu' })).toMatchObject({
      config: path.join(workspace, 'servers.yml'),
      server: 'eu',
    });
  });

  test('notify-webhook: an http(s) URL, never echoed; from the environment too', () => {
    const message = refusal({ 'notify-webhook': 'ftp://hooks.example/T000/secret' }, 'notify-webhook');
    expect(message).not.toContain('secret');
    refusal({ 'notify-webhook': 'not a url' }, 'notify-webhook');
    expect(parse({}, cli, { QUOTA_KEYS_WEBHOOK: 'https://hooks.example/x' }).notifyWebhook?.host).toBe('hooks.example');
  });

  test('notify-on: a list of failure, alert, always; anything else refused', () => {
    expect(parse({ 'notify-on': 'failure, alert|always' }).notifyOn).toEqual(['failure', 'alert', 'always']);
    expect(refusal({ 'notify-on': 'failure,sometimes' }, 'notify-on')).toContain('failure, alert, always');
  });

  test('the default artifact name is one per step, the same in every attempt', () => {
    const options = parse({}, github);
    expect(options.artifactName).toBe(`trial-keys-7-${github.invocation}`);
    expect(options.artifactNameGiven).toBe(false);
  });

  test('health-path: a path with an optional query; dot segments, bad escapes and // starts are refused', () => {
    expect(parse({ 'health-path': '/status?deep=1' }).healthPath).toBe('/status?deep=1');
    expect(parse({ 'health-path': '/a%20b' }).healthPath).toBe('/a%20b');
    for (const bad of ['//evil.example/x', '/a/../admin', '/./x', '/a%zz', '/a b', `/${'x'.repeat(1000)}`])
      refusal({ 'health-path': bad }, 'health-path');
  });
});

describe('resume', () => {
  const file = path.join(workspace, 'keys.csv');
  const suffix = 'cm4x1z2n0f0f0f';
  writeFileSync(
    file,
    'label,key,daily_limit,created_at,expires_at,tier,used_today,status,server,batch_count\r\n' +
      `auto-x-001-${suffix},sk-1,100,2026-11-26T00:00:00.000Z,,,,,http://h/,3\r\n`,
  );

  test('the batch the file records sets count, name and output', () => {
    expect(parse({ resume: 'keys.csv' })).toMatchObject({ count: 3, name: 'auto-x', output: file });
  });

  test('the action, other commands, config, and a count or name of another batch are refused', () => {
    expect(refusal({ resume: 'keys.csv' }, 'resume', github)).toContain('re-run the job');
    expect(refusal({ resume: 'keys.csv', command: 'list' }, 'resume')).toContain('with batch only');
    expect(refusal({ resume: 'keys.csv', config: 's.yml' }, 'resume')).toContain('without config');
    expect(refusal({ resume: 'keys.csv', count: '4' }, 'count')).toContain("the batch's (3)");
    expect(parse({ resume: 'keys.csv', count: '3', name: 'auto-x' }).count).toBe(3);
    expect(refusal({ resume: 'missing.csv' }, 'resume')).toContain('there is no such file');
  });
});
