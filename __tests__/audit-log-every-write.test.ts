// The audit trail: every write appends one JSON line per outcome (time, actor, run URL, command,
// server, label, the key's fingerprint, outcome), as the outcome becomes known. In the action it
// lands in the artifact beside the CSV, also when a batch through a faulty proxy fails; on the CLI
// --audit-log FILE appends to a file (0600). Never a full key nor the token in it; dry runs write none.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { captureLog } from '../__fixtures__/capture-log.js';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { cliContext, invocationId } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { shortenKey } from '../src/shared/redact.js';

/** The default artifact name's step hash: the runner double sets no GITHUB_JOB or GITHUB_ACTION. */
const STEP = invocationId({});

let server: DevServer;
let service: ArtifactService;
const savedEnv = { ...process.env };
const stdoutWrite = process.stdout.write;
beforeAll(async () => {
  // The artifact client logs through its own @actions/core, to stdout.
  process.stdout.write = (() => true) as typeof process.stdout.write;
  [server, service] = await Promise.all([startDevServer({ flavor: 'v1' }), startArtifactService()]);
  Object.assign(process.env, service.env);
});
afterAll(async () => {
  process.stdout.write = stdoutWrite;
  for (const name of Object.keys(service.env)) if (savedEnv[name] === undefined) delete process.env[name];
  await Promise.all([service.close(), server.close()]);
});

type Line = Record<string, string>;
const linesOf = (text: string): Line[] =>
  text
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const sha12 = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);

function noSecret(text: string) {
  expect(text).not.toContain(server.token);
  for (const key of server.allKeys()) {
    expect(text).not.toContain(key.key);
    expect(text).not.toContain(key.key.slice(3, 27));
  }
}

test('action: a batch through a faulty proxy fails; the artifact holds the CSV and an audit line per key', async () => {
  // Creates 3 and 6 reach the server but their answers are lost (found again by listing); from the
  // 11th on every create answers 500 without reaching it: two labels end without a key.
  let creates = 0;
  const proxy = await startFaultProxy({
    target: server.url,
    choose: (r) => {
      if (r.method !== 'POST' || !r.path.startsWith('/admin/keys')) return undefined;
      creates += 1;
      return creates === 3 || creates === 6 ? 'reset-after' : creates > 10 ? 'error500' : undefined;
    },
  });
  try {
    const { core, workspace } = await runActionInProcess(
      { command: 'batch', count: '12', name: 'audited', url: proxy.url, 'admin-token': server.token },
      { runId: 4242, env: { ...service.env, GITHUB_ACTOR: 'octocat' } },
    );
    expect(core.failures).toHaveLength(1);
    const csvPath = core.outputs['csv-path']!;
    const keys = parse(readFileSync(csvPath), { columns: true }) as Array<{ key: string; label: string }>;
    expect(keys).toHaveLength(10);
    expect(proxy.injected('reset-after')).toBe(2);
    const auditPath = path.join(workspace, 'quota-keys-audit.jsonl');
    expect(statSync(auditPath).mode & 0o777).toBe(0o600);
    const text = readFileSync(auditPath, 'utf8');
    noSecret(text);
    const lines = linesOf(text);
    for (const line of lines) {
      expect(line).toMatchObject({
        actor: 'octocat',
        runUrl: 'https://github.com/octo/keys/actions/runs/4242/attempts/1',
        command: 'batch',
        server: proxy.url.endsWith('/') ? proxy.url : `${proxy.url}/`,
      });
      expect(new Date(line.time!).toISOString()).toBe(line.time);
    }
    const created = lines.filter((l) => l.outcome === 'created');
    expect(created.map((l) => [l.label, l.fingerprint]).sort()).toEqual(
      keys.map((k) => [k.label, sha12(k.key)]).sort(),
    );
    const failed = lines.filter((l) => l.outcome === 'failed' || l.outcome === 'unknown');
    expect(failed).toHaveLength(Number(core.outputs['failed-count']));
    expect(failed.length).toBe(2);
    // In the artifact, beside the CSV, byte for byte.
    const artifact = service.artifacts.find((a) => a.name === `trial-keys-4242-${STEP}`)!;
    expect([...artifact.files.keys()].sort()).toEqual([path.basename(csvPath), 'quota-keys-audit.jsonl'].sort());
    expect(artifact.files.get('quota-keys-audit.jsonl')!.toString()).toBe(text);
    // The json output is the run's document: the failure, the counts.
    const doc = JSON.parse(core.outputs.json!);
    expect(doc).toMatchObject({ command: 'batch', ok: false, exitCode: 1, counts: { created: 10, failed: 2 } });
    expect(doc.facts.audit_log).toBe(auditPath);
  } finally {
    await proxy.close();
  }
});

test('CLI --audit-log: delete, reset and rotate append their outcomes; a dry run appends nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-cli-'));
  const file = path.join(dir, 'audit.jsonl');
  // An existing file keeps its lines but is made private.
  writeFileSync(file, '', { mode: 0o644 });
  const env = { QUOTA_PROXY_URL: server.url, ADMIN_TOKEN: server.token, USER: 'tester' };
  const old = new Date(Date.now() - 40 * 86_400_000);
  const [gone, kept] = server.seedKeys(2, { labelPrefix: 'audit-del-' });
  const rotated = server.seedKeys(2, { labelPrefix: 'audit-rot-', createdAt: old });
  const cli = (args: string[]) => runCliInProcess([...args, '--audit-log', file], env);

  expect((await cli(['delete', '--name', 'audit-del-1', '--dry-run'])).code).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe('');
  expect((await cli(['delete', '--name', 'audit-del-1'])).code).toBe(0);
  expect((await cli(['reset', '--name', 'audit-del-2', '--day', '2026-11-26'])).code).toBe(0);
  const rotate = await cli(['rotate', '--label-prefix', 'audit-rot-', '--older-than-days', '30', '--replace']);
  expect(rotate.code).toBe(0);
  expect((await cli(['delete', '--key', gone!])).code).toBe(1);

  expect(statSync(file).mode & 0o777).toBe(0o600);
  const text = readFileSync(file, 'utf8');
  noSecret(text);
  const lines = linesOf(text).map(({ command, label, fingerprint, outcome }) => ({
    command,
    label,
    fingerprint,
    outcome,
  }));
  const replacements = server.allKeys().filter((k) => k.label?.startsWith('audit-rot-') && !rotated.includes(k.key));
  expect(replacements).toHaveLength(2);
  expect(lines.slice(0, 2)).toEqual([
    { command: 'delete', label: 'audit-del-1', fingerprint: sha12(gone!), outcome: 'deleted' },
    { command: 'reset', label: 'audit-del-2', fingerprint: sha12(kept!), outcome: 'nothing to reset' },
  ]);
  expect(lines).toHaveLength(2 + 4 + 1);
  const rotateLines = lines.filter((l) => l.command === 'rotate');
  expect(
    rotateLines
      .filter((l) => l.outcome === 'created')
      .map((l) => l.fingerprint)
      .sort(),
  ).toEqual(replacements.map((k) => sha12(k.key)).sort());
  expect(
    rotateLines
      .filter((l) => l.outcome === 'deleted')
      .map((l) => l.fingerprint)
      .sort(),
  ).toEqual(rotated.map(sha12).sort());
  expect(lines.at(-1)).toEqual({ command: 'delete', fingerprint: sha12(gone!), outcome: 'not found' });
  expect(linesOf(text)[0]!.actor).toMatch(/@/);
  // The summary names the file; keys only shortened on screen.
  expect(rotate.stdout).toContain(`Audit log: ${file}`);
  expect(rotate.stdout).toContain(shortenKey(rotated[0]!));
  expect(existsSync(`${file}.tmp`)).toBe(false);
});

test('each line is on disk as soon as its outcome is known, before the run ends (a kill -9 keeps them)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-live-'));
  const file = path.join(dir, 'audit.jsonl');
  let creates = 0;
  // The third create is held for a long while: the first two are answered long before the run can end.
  const proxy = await startFaultProxy({
    target: server.url,
    delayMs: 4000,
    choose: (r) => (r.method === 'POST' && r.path.startsWith('/admin/keys') && ++creates === 3 ? 'delay' : undefined),
  });
  try {
    const inputs: Record<string, string> = {
      command: 'batch',
      count: '3',
      concurrency: '1',
      url: proxy.url,
      'admin-token': server.token,
      'audit-log': file,
      output: path.join(dir, 'keys.csv'),
    };
    const context = { ...cliContext({}), workspace: dir };
    let finished = false;
    const running = run(
      parseOptions((n) => inputs[n] ?? '', {}, context),
      context,
      captureLog().log,
    ).then((r) => {
      finished = true;
      return r;
    });
    const created = () => (existsSync(file) ? linesOf(readFileSync(file, 'utf8')) : []);
    while (created().length < 2 && !finished) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(finished).toBe(false);
    expect(created().map((l) => l.outcome)).toEqual(['created', 'created']);
    expect((await running).ok).toBe(true);
    expect(created()).toHaveLength(3);
  } finally {
    await proxy.close();
  }
});

test('an audit log that cannot be written is bad input, before any request; an unused one is not created', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-bad-'));
  const aFile = path.join(dir, 'a-file');
  writeFileSync(aFile, 'x');
  const env = { QUOTA_PROXY_URL: server.url, ADMIN_TOKEN: server.token };
  const before = server.requests.length;
  for (const where of [path.join(aFile, 'audit.jsonl'), dir]) {
    const result = await runCliInProcess(['delete', '--name', 'nobody', '--audit-log', where], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Invalid input 'audit-log'/m);
  }
  // A batch refused for its audit log leaves no CSV (nor its temp file) behind either.
  const batchArgs = ['batch', '-o', path.join(dir, 'k.csv'), '--audit-log', path.join(aFile, 'audit.jsonl')];
  const batch = await runCliInProcess(batchArgs, env);
  expect(batch.code).toBe(2);
  expect(readdirSync(dir)).toEqual(['a-file']);
  expect(server.requests.length).toBe(before);
  const unused = path.join(dir, 'logs', 'audit.jsonl');
  const refused = await runCliInProcess(['delete', '--name', 'nobody-has-this', '--audit-log', unused], env);
  expect(refused.code).toBe(1);
  expect(existsSync(unused)).toBe(false);
});
