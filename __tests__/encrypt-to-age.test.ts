// encrypt-to: the CSV becomes <csv>.age (mode 0600), the plaintext is deleted; the CLI does the same
// with --encrypt-to. Checked by decrypting with age-encryption's Decrypter and test identities.

import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { encryptFileTo, encryptReportCsv } from '../src/output/encrypt.js';
import { Report } from '../src/report/report.js';

async function decrypt(file: string, identity: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decrypt(readFileSync(file), 'text');
}

const CSV = 'label,key\r\nvip-客户,sk-0123456789abcdef0123456789\r\n';

test('encryptFileTo: <file>.age, private, for every recipient; the plaintext is gone', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'age-'));
  const file = path.join(dir, 'keys.csv');
  writeFileSync(file, CSV);
  const [a, b] = [await generateIdentity(), await generateIdentity()];
  const encrypted = await encryptFileTo(file, [await identityToRecipient(a), await identityToRecipient(b)]);
  expect(encrypted).toBe(`${file}.age`);
  expect(readdirSync(dir)).toEqual(['keys.csv.age']);
  expect(statSync(encrypted).mode & 0o777).toBe(0o600);
  expect(readFileSync(encrypted).includes(Buffer.from('sk-0123456789'))).toBe(false);
  expect(await decrypt(encrypted, a)).toBe(CSV);
  expect(await decrypt(encrypted, b)).toBe(CSV);
});

test('encryptReportCsv points csv-path, the summary and the failure line at the .age file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'age-'));
  const file = path.join(dir, 'keys.csv');
  writeFileSync(file, CSV);
  const report = new Report('t').fail(`1 of 2 key(s) were not created; the 1 created are in ${file}.`);
  Object.assign(report.outputs, { 'csv-path': file, 'created-count': '1' });
  report.facts.set('csv', file);
  report.csvPath = file;
  const { log, text } = captureLog();
  await encryptReportCsv(report, [await identityToRecipient(await generateIdentity())], log);
  expect(report.csvPath).toBe(`${file}.age`);
  expect(report.outputs).toEqual({ 'csv-path': `${file}.age`, 'created-count': '1' });
  expect(report.facts.list().map((f) => [f.label, f.value])).toEqual([['CSV', `${file}.age`]]);
  expect(report.failure).toBe(`1 of 2 key(s) were not created; the 1 created are in ${file}.age.`);
  expect(text()).toContain('Encrypted the CSV to 1 age recipient(s)');
  expect(existsSync(file)).toBe(false);
});

test('encryptReportCsv without recipients leaves the plaintext CSV alone', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'age-'));
  const file = path.join(dir, 'keys.csv');
  writeFileSync(file, CSV);
  const report = new Report('t');
  report.outputs['csv-path'] = file;
  report.csvPath = file;
  await encryptReportCsv(report, [], captureLog().log);
  expect(report.csvPath).toBe(file);
  expect(readFileSync(file, 'utf8')).toBe(CSV);
});

test('CLI: batch --encrypt-to writes only <output>.age, which decrypts to the keys', async () => {
  const server = await startDevServerProcess();
  try {
    const cwd = mkdtempSync(path.join(tmpdir(), 'cli-age-'));
    const identity = await generateIdentity();
    const { code, stdout, stderr } = await runCliBundle(
      ['batch', '-c', '3', '-n', 'partner', '-o', 'keys.csv', '--encrypt-to', await identityToRecipient(identity)],
      {
        cwd,
        env: { ADMIN_TOKEN: server.token, QUOTA_PROXY_URL: server.url },
      },
    );
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(readdirSync(cwd)).toEqual(['keys.csv.age']);
    expect(stdout).toContain(`CSV: ${path.join(cwd, 'keys.csv.age')}`);
    const rows = parse(await decrypt(path.join(cwd, 'keys.csv.age'), identity), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^partner-001-/)]));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(stdout + stderr).not.toContain(row.key);
  } finally {
    await server.stop();
  }
});
