// One error family: every error class of src/ extends QuotaKeysError (src/shared/errors.ts), which
// carries the exit code (2 bad input, 130/143 a signal, 1 otherwise), and one errorMessage helper
// stands for every `error instanceof Error ? error.message : String(error)`. No process boundary:
// the source is read and the errors are built directly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../src/config/input-error.js';
import { UnsupportedOperationError } from '../src/quota-proxy/errors.js';
import { ShapeError } from '../src/quota-proxy/flavors/shape.js';
import { EndlessPagingError } from '../src/quota-proxy/paging.js';
import { Refusal, ResolveError } from '../src/reading/resolve-keys.js';
import { CancelledError } from '../src/shared/cancel.js';
import { errorMessage, QuotaKeysError } from '../src/shared/errors.js';
import { AnswerTooLargeError, AttemptAbandonedError, DeadlineError } from '../src/transport/attempt-limits.js';
import {
  BadAnswerError,
  CutOffAnswerError,
  HttpStatusError,
  NetworkError,
  RateLimitedError,
} from '../src/transport/errors.js';

const SRC = path.resolve(import.meta.dirname, '../src');
const BASE = 'src/shared/errors.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}
const files = sources(SRC).map((file) => ({
  name: path.relative(path.dirname(SRC), file),
  text: readFileSync(file, 'utf8'),
}));

/** Every `class A extends B` of src/, as A → B and where A is defined. */
function classTree(): Map<string, { parent: string; file: string }> {
  const tree = new Map<string, { parent: string; file: string }>();
  for (const { name, text } of files)
    for (const match of text.matchAll(/\bclass\s+(\w+)\s+extends\s+([\w.]+)/g))
      tree.set(match[1]!, { parent: match[2]!, file: name });
  return tree;
}

/** The classes whose ancestry reaches a built-in error (Error, TypeError…) without passing through QuotaKeysError. */
function outsideTheFamily(tree: Map<string, { parent: string; file: string }>): string[] {
  const stray: string[] = [];
  for (const [name, { file }] of tree) {
    if (name === 'QuotaKeysError') continue;
    let at = name;
    while (at !== 'QuotaKeysError' && tree.has(at)) at = tree.get(at)!.parent;
    if (/Error$/.test(at) && at !== 'QuotaKeysError') stray.push(`${file}: ${name}`);
  }
  return stray;
}

test('the scan finds a class that extends Error directly (a check that cannot fail proves nothing)', () => {
  const tree = classTree();
  tree.set('StrayError', { parent: 'Error', file: 'src/somewhere.ts' });
  expect(outsideTheFamily(tree)).toEqual(['src/somewhere.ts: StrayError']);
});

test('every error class of src/ extends QuotaKeysError', () => {
  const tree = classTree();
  expect(tree.get('QuotaKeysError')).toEqual({ parent: 'Error', file: BASE });
  expect(tree.size).toBeGreaterThan(15);
  expect(outsideTheFamily(tree)).toEqual([]);
});

test('the exit code comes from the error: 2 bad input, 130/143 a signal, 1 for every other failure', () => {
  const target = 'GET http://127.0.0.1:1/admin/keys';
  expect(new InputError('count', '0', 'expected a whole number from 1 to 100000').exitCode).toBe(2);
  expect(new CancelledError('SIGINT').exitCode).toBe(130);
  expect(new CancelledError('SIGTERM').exitCode).toBe(143);
  expect(new CancelledError('cancelled').exitCode).toBe(1);
  const failures: QuotaKeysError[] = [
    new NetworkError('refused', target, 'connection refused', false),
    new HttpStatusError(500, target, 'boom', {}),
    new RateLimitedError(target, new Date(0), true, 'still refused after 4 attempts'),
    new BadAnswerError(200, target, '<html>'),
    new CutOffAnswerError(200, target, '{"keys":[', 9, 100, 1),
    new EndlessPagingError(target, 'the same page again'),
    new DeadlineError(10_000),
    new AnswerTooLargeError(16 * 2 ** 20),
    new AttemptAbandonedError(),
    new UnsupportedOperationError('v1a', 'reset endpoint'),
    new ShapeError('keys is not a list'),
    new ResolveError('No key is labelled "x"'),
    new Refusal('v1p resets every key of a day'),
  ];
  for (const error of failures) {
    expect(error).toBeInstanceOf(QuotaKeysError);
    expect(error.exitCode).toBe(1);
    expect(error.message).not.toMatch(/\n/);
  }
});

test('errorMessage: an Error’s message, else the thrown value as text', () => {
  expect(errorMessage(new TypeError('bad'))).toBe('bad');
  expect(errorMessage(new InputError('day', 'x', 'expected YYYY-MM-DD'))).toBe(
    `Invalid input 'day': "x" — expected YYYY-MM-DD.`,
  );
  expect(errorMessage('a string')).toBe('a string');
  expect(errorMessage(42)).toBe('42');
  expect(errorMessage(undefined)).toBe('undefined');
});

test('one errorMessage: no inline copy of it outside src/shared/errors.ts', () => {
  const copy = /instanceof Error \? \w+\.message : String\(\w+\)|\(\w+ as Error\)\.message/;
  const copies = files.filter((f) => f.name !== BASE && copy.test(f.text)).map((f) => f.name);
  expect(copies).toEqual([]);
  // Nor an alias of it under another name.
  expect(files.filter((f) => /\b(messageOf|errorText)\b/.test(f.text)).map((f) => f.name)).toEqual([]);
});
