// A logger that keeps every line, for asserting what a run printed (and what it did not).
import { redactingLogger } from '../src/shared/log.js';

export function captureLog() {
  const lines: string[] = [];
  const masked: string[] = [];
  const log = redactingLogger({
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    mask: (v) => masked.push(v),
  });
  return { log, lines, masked, text: () => lines.join('\n') };
}
