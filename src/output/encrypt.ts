// The keys CSV encrypted to age recipients (`encrypt-to`): `<csv>.age`, readable with
// `age -d -i key.txt <csv>.age`, and no plaintext copy left behind. age-encryption is loaded only
// when there is something to encrypt.

import type { Report } from '../report/report.js';
import { fsPromises } from '../shared/builtins.js';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';

/** Encrypts `file` to every recipient into `<file>.age` (mode 0600), then deletes `file`. */
export async function encryptFileTo(file: string, recipients: readonly string[]): Promise<string> {
  if (recipients.length === 0) throw new QuotaKeysError('encrypt-to: no age recipient given');
  const { Encrypter } = await import('age-encryption');
  const { readFile, rename, rm, writeFile } = fsPromises();
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const ciphertext = await encrypter.encrypt(await readFile(file));
  const target = `${file}.age`;
  // Written beside the target and renamed, so a reader never sees half a file; 'wx': never through
  // a file or link someone else put at the temp path.
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, ciphertext, { mode: 0o600, flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    // EEXIST: what is at the temp path is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temp, { force: true });
    throw error;
  }
  await rm(file, { force: true });
  return target;
}

/**
 * Replaces the report's CSV by its encrypted copy: `csv-path`, the summary and the failure line
 * then name `<csv>.age`. Does nothing without a CSV or without recipients.
 */
export async function encryptReportCsv(report: Report, recipients: readonly string[], log: Logger): Promise<void> {
  const plaintext = report.csvPath;
  if (!plaintext || recipients.length === 0) return;
  let encrypted: string;
  try {
    encrypted = await encryptFileTo(plaintext, recipients);
  } catch (error) {
    const message = errorMessage(error);
    throw new QuotaKeysError(
      `Encrypting the CSV for encrypt-to failed (${message}); the plaintext CSV is still at ${plaintext}: ` +
        `delete it if it must not stay.`,
    );
  }
  report.csvPath = encrypted;
  if (report.outputs['csv-path'] === plaintext) report.outputs['csv-path'] = encrypted;
  for (const fact of report.facts.list())
    if (typeof fact.value === 'string' && fact.value.includes(plaintext))
      report.facts.set(fact.name, fact.value.split(plaintext).join(encrypted));
  if (report.failure) report.failure = report.failure.split(plaintext).join(encrypted);
  log.info(`Encrypted the CSV to ${recipients.length} age recipient(s): ${encrypted} (the plaintext was deleted).`);
}
