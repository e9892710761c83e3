// The exit codes, one table: `quota-keys help exit-codes`, the README and the JSON document's
// `exit` read it; the CLI and the GitLab entry exit with them.

export const EXIT_CODES: ReadonlyArray<{ code: number; meaning: string }> = [
  { code: 0, meaning: 'success' },
  { code: 1, meaning: 'failure: the command could not do what was asked (health, server error, a key not found, …)' },
  { code: 2, meaning: 'bad input: an input or flag was refused before any request was sent' },
  { code: 3, meaning: 'alert: usage or monitor found a key at or above alert-threshold, with --fail-on-alert' },
  { code: 130, meaning: 'interrupted by SIGINT (Ctrl-C); the CSV keeps every key created' },
  { code: 143, meaning: 'terminated by SIGTERM; the CSV keeps every key created' },
];

export const EXIT_ALERT = 3;
