// Where commands report. Every platform's logger redacts: GitHub masks registered secrets itself,
// but GitLab and terminals cannot, so nothing relies on masking alone.
import { Redactor } from './redact.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Registers a value that must never be printed (token → ***, key → shortened). Call before use. */
  secret(value: string, kind: 'token' | 'key'): void;
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
 * One line: a label with a line break (labels come from people and servers) must not start a line
 * of its own, where the runner would read `::error::…` or `::add-mask::…` as a command.
 */
export function oneLine(message: string): string {
  return message.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ⏎ ');
}

export function redactingLogger(sink: LogSink, redactor = new Redactor()): Logger & { redactor: Redactor } {
  // A value registered twice (the entry masks the token before reading inputs, run() again) is masked once.
  const registered = new Set<string>();
  return {
    redactor,
    info: (m) => sink.info(redactor.redact(oneLine(m))),
    warning: (m) => sink.warning(redactor.redact(oneLine(m))),
    debug: (m) => {
      if (sink.debugEnabled?.() !== false) sink.debug(redactor.redact(oneLine(m)));
    },
    secret(value, kind) {
      if (!value || registered.has(value)) return;
      registered.add(value);
      sink.mask?.(value, kind);
      if (kind === 'token') redactor.addSecret(value);
      else redactor.addKey(value);
    },
  };
}
