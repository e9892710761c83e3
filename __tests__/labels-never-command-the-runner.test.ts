// A label is server text: printed in the log (rotate names each key it deletes), it must never be
// read by the GitHub runner as a workflow command. The worst case: `##[stop-commands]` anywhere in a
// line turns command processing off, so every later `::add-mask::KEY` is shown as text, with the key
// in full. The bundled action runs as the runner runs it; its output is read by the runner's own
// rules (__fixtures__/runner-log.ts): no command but the tool's own, every key masked before the log
// could show it, no key shown in full.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HOSTILE_LABELS } from '../__fixtures__/hostile-labels.js';
import { readAsRunner } from '../__fixtures__/runner-log.js';
import { DAY_MS } from '../__fixtures__/write-commands.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let servers: DevServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const old = () => new Date(Date.now() - 40 * DAY_MS);

function seedHostile(server: DevServer): void {
  for (const label of HOSTILE_LABELS) server.seedKeys(1, { labelPrefix: `${label}-`, createdAt: old() });
}

/** The runner's reading: only the tool's own commands ran, and no key is shown whole. */
function expectNoCommandFromServerText(output: string, keys: string[], token: string) {
  const reading = readAsRunner(output);
  expect(reading.stoppedUntil).toBeUndefined();
  const names = new Set(reading.commands.map((c) => c.name));
  for (const name of names) expect(['add-mask', 'debug', 'warning', 'error', 'notice']).toContain(name);
  for (const command of reading.commands) expect(command.data).not.toMatch(/FORGED|section_start|pwn|upper/);
  const masked = new Set(reading.masks);
  expect(masked.has(token)).toBe(true);
  for (const key of keys) {
    expect(masked.has(key)).toBe(true);
    for (const line of reading.shown) expect(line).not.toContain(key);
  }
  // Nothing a reader sees acts on a terminal or a GitLab log: no ESC, no CR, no bidi control.
  expect(reading.shown.join('\n')).not.toMatch(/[\u001b\u202e]/);
  return reading;
}

test('rotate --replace over hostile labels: every replacement key is masked, no label is a command', async () => {
  const server = await startDevServer({ flavor: 'v1p' });
  servers.push(server);
  seedHostile(server);
  const result = await runBundledAction({
    command: 'rotate',
    url: server.url,
    'admin-token': server.token,
    'older-than-days': '30',
    'all-labels': 'true',
    replace: 'true',
    'upload-artifact': 'false',
  });
  expect(result.code).toBe(0);
  const fresh = server.allKeys().map((k) => k.key);
  expect(fresh).toHaveLength(HOSTILE_LABELS.length);
  const reading = expectNoCommandFromServerText(result.stdout + result.stderr, fresh, server.token);
  // The labels are shown, visibly escaped, in the lines naming the deleted keys.
  const shown = reading.shown.join('\n');
  expect(shown).toContain('x##\\x5bstop-commands]pwn');
  expect(shown).toContain('y\\n::error title=forged::FORGED-error');
  expect(shown).toContain('\\u{202e}FORGED-bidi');
});

test('config over two servers: a label on the first cannot unmask the second server’s keys', async () => {
  const [first, second] = await Promise.all([startDevServer({ flavor: 'v1p' }), startDevServer({ flavor: 'v1p' })]);
  servers.push(first, second);
  seedHostile(first);
  second.seedKeys(3, { labelPrefix: 'auto-', createdAt: old() });
  const oldSecond = second.allKeys().map((k) => k.key);
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-config-'));
  const file = path.join(dir, 'servers.yml');
  writeFileSync(
    file,
    [
      'servers:',
      `  - { name: first, url: "${first.url}", token-env: FIRST_TOKEN }`,
      `  - { name: second, url: "${second.url}", token-env: SECOND_TOKEN }`,
    ].join('\n'),
  );
  const result = await runBundledAction(
    {
      command: 'rotate',
      config: file,
      'older-than-days': '30',
      'all-labels': 'true',
      replace: 'true',
      'upload-artifact': 'false',
    },
    { env: { FIRST_TOKEN: first.token, SECOND_TOKEN: second.token } },
  );
  expect(result.code).toBe(0);
  const keys = [...first.allKeys(), ...second.allKeys()].map((k) => k.key);
  expect(keys).toHaveLength(HOSTILE_LABELS.length + 3);
  const output = result.stdout + result.stderr;
  const reading = expectNoCommandFromServerText(output, keys, first.token);
  expect(reading.masks).toContain(second.token);
  // The second server's old keys were deleted and never shown whole either.
  for (const key of oldSecond) for (const line of reading.shown) expect(line).not.toContain(key);
});
