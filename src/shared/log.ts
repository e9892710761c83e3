// Where commands report. Every platform's logger redacts: GitHub masks registered secrets itself,
// but GitLab and terminals cannot, so nothing relies on masking alone. Then every line is
// neutralised for the log (./neutralise.ts logLine): a label or an error body cannot start a
// workflow command, forge an annotation or rewrite the terminal.
import { logLine } from './neutralise.js';
import { Redactor } from './redact.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Registers a value that must never be printed (token → ***, key → shortened). Call before use. */
  secret(value: string, kind: 'token' | 'key'): void;
  /** The text with every registered secret hidden, for a channel written elsewhere than the log (a file). */
  redact(text: string): string;
}

export interface LogSink {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Registers a value with the platform's own masking (GitHub's `::add-mask::`); the sink may skip keys. */
  mask?(value: string, kind: 'token' | 'key'): void;
  /** False when debug lines are dropped anyway: they are then not redacted either (a per-request cost). */
  debugEnabled?(): boolean;
}

/**
 * The shortest key handed to the platform's own masking. Every key the tool knows of is far longer
 * (`sk-` and 24 hex or more); a server that answers a letter, a word or a piece of our own lines as
 * a key would otherwise have the runner hide that text in every later line of the job, other steps
 * included. Our own redactor still shortens any key of 8 characters or more wherever it is printed.
 */
export const MASKED_KEY_MIN = 16;

const maskableKey = (value: string) => value.length >= MASKED_KEY_MIN && !/\s/u.test(value);

export function redactingLogger(sink: LogSink, redactor = new Redactor()): Logger & { redactor: Redactor } {
  // A value registered twice (the entry masks the token before reading inputs, run() again) is masked once.
  const registered = new Set<string>();
  return {
    redactor,
    info: (m) => sink.info(logLine(redactor.redact(m))),
    warning: (m) => sink.warning(logLine(redactor.redact(m))),
    debug: (m) => {
      if (sink.debugEnabled?.() !== false) sink.debug(logLine(redactor.redact(m)));
    },
    redact: (text) => redactor.redact(text),
    secret(value, kind) {
      if (!value || registered.has(value)) return;
      registered.add(value);
      if (kind === 'token' || maskableKey(value)) sink.mask?.(value, kind);
      if (kind === 'token') redactor.addSecret(value);
      else redactor.addKey(value);
    },
  };
}
