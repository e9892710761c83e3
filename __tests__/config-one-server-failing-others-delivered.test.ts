// `config` with three servers over real sockets: alpha (v1) and beta (v1a) answer, gamma (v1p) is
// given a wrong token. The step fails, but alpha's and beta's keys are each in their own CSV, both
// in the one artifact; the summary has the combined table and one section per server; `results`
// counts per server; no token and no key is shown. On the CLI, a server that is down fails the
// run (exit 1) while the other's keys are in its CSV and its section is printed.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { invocationId } from '../src/config/context.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

/** The default artifact name's step hash: the runner double sets no GITHUB_JOB or GITHUB_ACTION. */
const STEP = invocationId({});

let alpha: DevServer;
let beta: DevServer;
let gamma: DevServer;
let service: ArtifactService;
const savedEnv = { ...process.env };
const stdoutWrite = process.stdout.write;
const dir = mkdtempSync(path.join(tmpdir(), 'config-servers-'));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function serversFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  // The artifact client logs to stdout through its own @actions/core.
  process.stdout.write = (() => true) as typeof process.stdout.write;
  [alpha, beta, gamma] = await Promise.all([
    startDevServer({ flavor: 'v1' }),
    startDevServer({ flavor: 'v1a' }),
    startDevServer({ flavor: 'v1p' }),
  ]);
  service = await startArtifactService();
  Object.assign(process.env, service.env);
});
afterAll(async () => {
  process.stdout.write = stdoutWrite;
  for (const name of Object.keys(service.env)) if (savedEnv[name] === undefined) delete process.env[name];
  await Promise.all([alpha.close(), beta.close(), gamma.close(), service.close()]);
});

const rows = (file: string) => parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;

test('action: a wrong token on one server fails the step; the others keys are delivered and reported', async () => {
  const config = serversFile(
    'servers.yml',
    [
      'servers:',
      `  - { name: alpha, url: "${alpha.url}", token-env: ALPHA_TOKEN, flavor: v1, server-daily-limit: 200 }`,
      `  - name: beta\n    url: ${beta.url}\n    token-env: BETA_TOKEN\n    tier: partner`,
      `  - name: gamma\n    url: ${gamma.url}\n    token-env: GAMMA_TOKEN`,
      '',
    ].join('\n'),
  );
  const env = {
    ...service.env,
    ALPHA_TOKEN: alpha.token,
    BETA_TOKEN: beta.token,
    GAMMA_TOKEN: 'wrong-token-0123456789',
  };
  const { core } = await runActionInProcess(
    { command: 'batch', count: '3', name: 'multi', config, 'server-concurrency': '2' },
    { runId: 4242, env },
  );
  expect(core.failures).toHaveLength(1);
  expect(core.failures[0]).toMatch(
    /^1 of 3 servers failed: gamma: The server refused the admin token from env GAMMA_TOKEN/,
  );

  const results = JSON.parse(core.outputs.results!) as Array<Record<string, unknown>>;
  expect(results.map((r) => [r.name, r.ok, r.created ?? null])).toEqual([
    ['alpha', true, 3],
    ['beta', true, 3],
    ['gamma', false, null],
  ]);
  expect(core.outputs['created-count']).toBe('6');
  // gamma's flavor was never learned: its token was refused first.
  expect(core.outputs.flavor).toBe('v1,v1a');
  // Each server's keys in its own CSV, named after it; beta's carry the partner tier's limit.
  const alphaCsv = results[0]!.csv as string;
  const betaCsv = results[1]!.csv as string;
  expect(path.basename(alphaCsv)).toMatch(/^alpha-trial-keys-\d{8}-4242\.csv$/);
  expect(path.basename(betaCsv)).toMatch(/^beta-trial-keys-\d{8}-4242\.csv$/);
  expect(
    rows(alphaCsv)
      .map((r) => r.key)
      .sort(),
  ).toEqual(
    alpha
      .allKeys()
      .map((k) => k.key)
      .sort(),
  );
  expect(rows(betaCsv).map((r) => r.daily_limit)).toEqual(['500', '500', '500']);
  expect(gamma.allKeys()).toEqual([]);
  // Labels of one server's run are its own: another invocation piece per server.
  const suffix = (label: string) => label.split('-').at(-1);
  expect(suffix(rows(alphaCsv)[0]!.label!)).not.toBe(suffix(rows(betaCsv)[0]!.label!));

  // One artifact with both CSVs.
  const artifact = service.artifacts.find((a) => a.name === `trial-keys-4242-${STEP}`)!;
  // Both CSVs, and the one audit log the servers appended to.
  expect([...artifact.files.keys()].sort()).toEqual(
    [path.basename(alphaCsv), path.basename(betaCsv), 'quota-keys-audit.jsonl'].sort(),
  );
  expect(artifact.files.get(path.basename(alphaCsv))!.equals(readFileSync(alphaCsv))).toBe(true);

  // The combined table first, then one section per server.
  const summary = core.summaries.join('\n');
  expect(summary).toContain('## quota-proxy batch: 3 servers');
  expect(summary).toMatch(/\| alpha \| http:\/\/127\.0\.0\.1:\d+\/ \| v1 \| true \| ok \| 3 \| 0 \|/);
  expect(summary).toMatch(/\| gamma \| .* \| failed: /);
  for (const name of ['alpha', 'beta', 'gamma']) expect(summary).toContain(`## quota-proxy batch — ${name}`);
  // Each server's section names its CSV as the release manager finds it: relative to the workspace.
  expect(summary).toContain(`**CSV:** ${path.basename(alphaCsv)}`);
  expect(summary).not.toContain(`**CSV:** ${alphaCsv}`);

  const shown = core.shown();
  for (const secret of [alpha.token, beta.token, 'wrong-token-0123456789']) expect(shown).not.toContain(secret);
  for (const key of [...alpha.allKeys(), ...beta.allKeys()]) expect(shown).not.toContain(key.key);
});

test('CLI: a server that is down fails the run (exit 1); the other is printed, its keys in its CSV', async () => {
  const down = `http://127.0.0.1:${await closedPort()}`;
  const config = serversFile(
    'cli.yml',
    `servers:\n  - name: up\n    url: ${alpha.url}\n    token-env: UP_TOKEN\n` +
      `  - name: down\n    url: ${down}\n    token-env: DOWN_TOKEN\n    retries: 0\n`,
  );
  const before = alpha.allKeys().length;
  const output = path.join(dir, 'keys.csv');
  const dotenv = path.join(dir, 'out.env');
  const { code, stdout, stderr } = await runCliInProcess(
    ['generate', '--config', config, '--name', 'one-each', '--output', output, '--dotenv', dotenv],
    { UP_TOKEN: alpha.token, DOWN_TOKEN: 'down-token-abcdef' },
  );
  expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringContaining('error: 1 of 2 servers failed: down:') });
  expect(stdout).toContain(`== up (${alpha.url}/) ==`);
  expect(stdout).toContain('== down (');
  expect(stdout).toMatch(/== all ==[\s\S]*up +http:\/\/127\.0\.0\.1:\d+\/ +v1 +true +ok +1/);
  const upCsv = rows(path.join(dir, 'up-keys.csv'));
  expect(upCsv.map((r) => r.label)).toEqual(['one-each']);
  expect(alpha.allKeys()).toHaveLength(before + 1);
  const results = JSON.parse(/^QUOTA_KEYS_RESULTS=(.*)$/m.exec(readFileSync(dotenv, 'utf8'))![1]!);
  expect(results.map((r: { name: string; ok: boolean }) => [r.name, r.ok])).toEqual([
    ['up', true],
    ['down', false],
  ]);
  expect(`${stdout}${stderr}`).not.toContain(alpha.token);
});

test('CLI with encrypt-to: each server CSV becomes <csv>.age, no plaintext stays; results name the .age', async () => {
  const { Decrypter, generateIdentity, identityToRecipient } = await import('age-encryption');
  const identity = await generateIdentity();
  const out = mkdtempSync(path.join(tmpdir(), 'config-age-'));
  const config = serversFile(
    'age.yml',
    `servers:\n  - { name: a, url: "${alpha.url}", token-env: A_T }\n` +
      `  - { name: b, url: "${beta.url}", token-env: B_T }\n`,
  );
  const dotenv = path.join(out, 'out.env');
  const args = ['generate', '--config', config, '--name', 'sealed', '--output', path.join(out, 'k.csv')];
  const recipient = await identityToRecipient(identity);
  const { code, stderr } = await runCliInProcess([...args, '--encrypt-to', recipient, '--dotenv', dotenv], {
    A_T: alpha.token,
    B_T: beta.token,
  });
  expect({ code, stderr: stderr.match(/^error: .*/m) }).toEqual({ code: 0, stderr: null });
  expect(readdirSync(out).sort()).toEqual(['a-k.csv.age', 'b-k.csv.age', 'out.env']);
  const results = JSON.parse(/^QUOTA_KEYS_RESULTS=(.*)$/m.exec(readFileSync(dotenv, 'utf8'))![1]!);
  expect(results.map((r: { csv: string }) => path.basename(r.csv))).toEqual(['a-k.csv.age', 'b-k.csv.age']);
  for (const [file, server] of [
    ['a-k.csv.age', alpha],
    ['b-k.csv.age', beta],
  ] as const) {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const text = await decrypter.decrypt(readFileSync(path.join(out, file)), 'text');
    const [row] = parse(text, { columns: true }) as Array<{ key: string; label: string }>;
    expect(row!.label).toBe('sealed');
    expect(server.allKeys().map((k) => k.key)).toContain(row!.key);
  }
});

test('health with config needs no token variable, as without config', async () => {
  const config = serversFile('health.yml', `servers:\n  - { name: a, url: "${alpha.url}", token-env: UNSET_HERE }\n`);
  const { code, stdout } = await runCliInProcess(['health', '--config', config], {});
  expect(code).toBe(0);
  expect(stdout).toMatch(/== all ==[\s\S]*a +http:\/\/127\.0\.0\.1:\d+\/ +true +ok/);
});

test('--json with config: one JSON document on stdout (the combined report), --quiet: nothing on stdout', async () => {
  const config = serversFile('json.yml', `servers:\n  - { name: a, url: "${alpha.url}", token-env: UNSET_HERE }\n`);
  const json = await runCliInProcess(['health', '--config', config, '--json'], {});
  expect(json.code).toBe(0);
  const document = JSON.parse(json.stdout);
  expect(document).toMatchObject({ command: 'health', ok: true, exitCode: 0 });
  expect(JSON.parse(document.outputs.results)).toEqual([expect.objectContaining({ name: 'a', ok: true })]);
  const quiet = await runCliInProcess(['health', '--config', config, '--quiet'], {});
  expect({ code: quiet.code, stdout: quiet.stdout }).toEqual({ code: 0, stdout: '' });
});

test('action with server: only that entry runs, and its artifact is named after it', async () => {
  const config = serversFile(
    'leg.yml',
    `servers:\n  - { name: alpha, url: "${alpha.url}", token-env: ALPHA_TOKEN }\n` +
      `  - { name: beta, url: "${beta.url}", token-env: BETA_TOKEN }\n`,
  );
  const before = alpha.allKeys().length;
  const { core } = await runActionInProcess(
    { command: 'generate', name: 'leg', config, server: 'beta', 'invocation-id': 'beta' },
    { runId: 4343, env: { ...service.env, BETA_TOKEN: beta.token } },
  );
  expect(core.failures).toEqual([]);
  expect(JSON.parse(core.outputs.results!).map((r: { name: string }) => r.name)).toEqual(['beta']);
  expect(alpha.allKeys()).toHaveLength(before);
  const artifact = service.artifacts.find((a) => a.name === `trial-keys-beta-4343-${invocationId({}, 'beta')}`)!;
  expect([...artifact.files.keys()].sort()).toEqual(
    [path.basename(core.outputs['csv-path']!), 'quota-keys-audit.jsonl'].sort(),
  );
  expect(rows(core.outputs['csv-path']!).map((r) => r.label)).toEqual(['leg']);
});
