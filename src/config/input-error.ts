// Bad input: one line naming the input and what is allowed, thrown before any request is sent
// (exit 2 on the CLI). Its own module, so the path checks beside options.ts can throw it too.

import { QuotaKeysError } from '../shared/errors.js';

export class InputError extends QuotaKeysError {
  constructor(input: string, value: string, allowed: string) {
    super(
      `Invalid input '${input}'` +
        `${value === '' ? '' : `: ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`} ` +
        `— ${allowed}.`,
      2,
    );
    this.name = 'InputError';
  }
}
