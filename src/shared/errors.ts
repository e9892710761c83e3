// One family of errors (as ky's KyError, octokit's RequestError): every error the tool throws extends
// QuotaKeysError, which carries its one-line message and the exit code a process ends with when the
// error ends the run. A caller tells the tool's errors apart with one instanceof, and reads the exit
// code from the error rather than from a table of classes.

/** 1: a failure; 2: bad input (nothing was sent); 130, 143: stopped by SIGINT, SIGTERM. */
export type ExitCode = 1 | 2 | 130 | 143;

export class QuotaKeysError extends Error {
  /** `message`: one line that names what failed and, where there is one, what to do. */
  constructor(
    message: string,
    readonly exitCode: ExitCode = 1,
  ) {
    super(message);
    this.name = 'QuotaKeysError';
  }
}

/** The message of anything thrown: an Error's own, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
