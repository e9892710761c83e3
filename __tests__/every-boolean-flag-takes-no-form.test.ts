// Every boolean flag of the CLI (each boolean input of the INPUTS table, and --json, --quiet, --help,
// --version) takes `--flag`, `--flag=true`, `--flag=false`, `--flag false` and `--no-flag`; the bundled
// CLI acts on the last one given.

import { runCliBundle } from '../__fixtures__/run-process.js';
import { INPUTS } from '../src/config/inputs.js';
import { InputError } from '../src/config/options.js';
import { parseBoolean } from '../src/config/values.js';
import { type ParsedArgs, parseArgs } from '../src/platform/cli-args.js';

const FORMS: Array<[string, (flag: string) => string[], boolean]> = [
  ['--flag', (f) => [`--${f}`], true],
  ['--flag=true', (f) => [`--${f}=true`], true],
  ['--flag=false', (f) => [`--${f}=false`], false],
  ['--flag false', (f) => [`--${f}`, 'false'], false],
  ['--no-flag', (f) => [`--no-${f}`], false],
  ['--flag --no-flag', (f) => [`--${f}`, `--no-${f}`], false],
  ['--no-flag --flag', (f) => [`--no-${f}`, `--${f}`], true],
];

const booleanInputs = INPUTS.filter((i) => i.boolean).map((i) => i.name);

test('the table has boolean inputs to test', () => {
  expect(booleanInputs).toEqual(expect.arrayContaining(['dry-run', 'skip-health-check', 'upload-artifact']));
});

describe.each(booleanInputs.map((name) => [name]))('--%s', (name) => {
  test.each(FORMS)('%s', (_, args, expected) => {
    const parsed = parseArgs(['batch', ...args(name)]);
    expect(parseBoolean(name, parsed.values.get(name)!)).toBe(expected);
  });
});

describe.each([['json'], ['quiet'], ['help'], ['version']] as Array<['json' | 'quiet' | 'help' | 'version']>)(
  '--%s (the CLI alone)',
  (name) => {
    test.each(FORMS)('%s', (_, args, expected) => {
      const parsed: ParsedArgs = parseArgs(['list', ...args(name)]);
      expect(parsed[name]).toBe(expected);
    });
  },
);

test('--no-flag takes no value, and a flag that is not boolean has no --no- form', () => {
  expect(() => parseArgs(['batch', '--no-dry-run=true'])).toThrow(InputError);
  expect(() => parseArgs(['batch', '--no-dry-run=true'])).toThrow(
    /'--no-dry-run' — takes no value: --no-dry-run alone, or --dry-run=true\|false/,
  );
  expect(() => parseArgs(['batch', '--no-count'])).toThrow(/unknown flag/);
});

test('the bundled CLI: --no-skip-health-check after --skip-health-check checks health again', async () => {
  const base = ['list', '--url', 'http://127.0.0.1:9', '--token', 't', '--retries', '0'];
  const [skipped, checked, json] = await Promise.all([
    runCliBundle([...base, '--skip-health-check'], { env: {} }),
    runCliBundle([...base, '--skip-health-check', '--no-skip-health-check'], { env: {} }),
    runCliBundle([...base, '--json', '--no-json'], { env: {} }),
  ]);
  expect(skipped.code).toBe(1);
  expect(skipped.stderr).not.toContain('Health check failed');
  expect(checked.code).toBe(1);
  expect(checked.stderr).toContain('Health check failed');
  // --no-json: the summary as text (a listing's facts on stderr, its rows on stdout), no JSON document.
  expect(json.code).toBe(1);
  expect(json.stdout).toBe('');
  expect(json.stderr).toMatch(/^Server: .*\nHealthy: no\n/m);
  expect(json.stderr).toContain('Health check failed');
});
