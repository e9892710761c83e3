// Where commands report. Every platform's logger redacts: GitHub masks registered secrets itself,
// but GitLab and terminals cannot, so nothing relies on masking alone. Then every line is
// neutralised for the log (./neutralise.ts logLine): a label or an error body cannot start a
// workflow command, forge an annotation or rewrite the terminal.
import { logLine } from './neutralise.js';
import { Redactor, SHORTEST_KEY } from './redact.js';

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
      // The token is the user's own; a key is the server's answer, masked only when long enough to be one.
      if (kind === 'token' || value.length >= SHORTEST_KEY) sink.mask?.(value, kind);
      if (kind === 'token') redactor.addSecret(value);
      else redactor.addKey(value);
    },
  };
}
