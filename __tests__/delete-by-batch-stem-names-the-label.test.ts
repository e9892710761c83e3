// `delete --name STEM` where no key is labelled STEM but batch labels start with it
// (`STEM-001-c…n…`): nothing is deleted, and the error names the label and the command to run with it
// (one label), or the first few and how many (several). The command it names works as given.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'delete-stem-'));
const servers = new Map<Flavor, DevServer>();
beforeAll(async () => {
  for (const flavor of ['v1', 'v01'] as const) servers.set(flavor, await startDevServer({ flavor }));
});
afterAll(() => Promise.all([...servers.values()].map((s) => s.close())));

const cli = (flavor: Flavor, args: string[]) => {
  const server = servers.get(flavor)!;
  return runCliBundle([...args, '--url', server.url], { cwd, env: { ADMIN_TOKEN: server.token } });
};
const labels = (flavor: Flavor) =>
  servers
    .get(flavor)!
    .allKeys()
    .map((k) => k.label);
/** The shell words of the `quota-keys …` command an error line names. */
const suggested = (stderr: string) =>
  /quota-keys (delete [^;)]*?)(?:\.|;|\))?$/m
    .exec(stderr.trim())![1]!
    .match(/'[^']*'|\S+/g)!
    .map((w) => w.replace(/^'|'$/g, ''));

test('one label starts with the stem: the error names it and the command; that command deletes it', async () => {
  expect((await cli('v1', ['batch', '--count', '1', '--name', 'solo', '--output', 'solo.csv'])).code).toBe(0);
  const [label] = labels('v1').filter((l) => l?.startsWith('solo-'));
  expect(label).toMatch(/^solo-001-c[0-9a-z]+n[0-9a-f]{6}$/);

  const refused = await cli('v1', ['delete', '--name', 'solo']);
  expect(refused.code).toBe(1);
  expect(refused.stderr.match(/^error: /gm)).toHaveLength(1);
  expect(refused.stderr).toContain('No key is labelled "solo"');
  expect(refused.stderr).toContain(`"${label}"`);
  expect(refused.stderr).toContain(`quota-keys delete --name ${label}`);
  expect(labels('v1')).toContain(label);

  const args = suggested(refused.stderr);
  expect(args).toEqual(['delete', '--name', label]);
  const deleted = await cli('v1', args);
  expect(deleted.code).toBe(0);
  expect(labels('v1')).not.toContain(label);
});

test('several labels start with it: the first three, in order, and how many', async () => {
  expect((await cli('v1', ['batch', '--count', '5', '--name', 'five', '--output', 'five.csv'])).code).toBe(0);
  const made = labels('v1').filter((l) => l?.startsWith('five-'));
  expect(made).toHaveLength(5);
  const refused = await cli('v1', ['delete', '--name', 'five']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/No key is labelled "five"; 5 labels start with it/);
  const named = [...refused.stderr.matchAll(/"(five-\d{3}-[^"]+)"/g)].map((m) => m[1]);
  expect(named).toEqual(made.sort().slice(0, 3));
  expect(refused.stderr).toContain('quota-keys list --label-prefix five');
  expect(labels('v1').filter((l) => l?.startsWith('five-'))).toHaveLength(5);
});

test('v01 gives a batch one label: the command named has --all-matching, and deletes them all', async () => {
  // The flavor told: no first create to detect it, so the three keys go in one request under one label.
  const batch = ['batch', '--count', '3', '--name', 'shared', '--server-flavor', 'v01', '--output', 'shared.csv'];
  expect((await cli('v01', batch)).code).toBe(0);
  const made = labels('v01').filter((l) => l?.startsWith('shared-'));
  expect(made).toHaveLength(3);
  expect(new Set(made).size).toBe(1);
  const refused = await cli('v01', ['delete', '--name', 'shared']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`quota-keys delete --name ${made[0]} --all-matching`);
  const deleted = await cli('v01', suggested(refused.stderr));
  expect(deleted.code).toBe(0);
  expect(labels('v01').filter((l) => l?.startsWith('shared-'))).toEqual([]);
});

test('nothing starts with it: the message stays "no key is labelled", with list to check', async () => {
  const refused = await cli('v1', ['delete', '--name', 'nothing-like-it']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/No key is labelled "nothing-like-it", and it is not a key/);
});
