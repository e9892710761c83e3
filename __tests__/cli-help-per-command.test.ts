// dist/cli.js's help as a person meets it: usage on no arguments, one page per command with its
// flags only and two examples, --version, and "did you mean" for a mistyped command or flag.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { COMMAND_HELP, COMMANDS } from '../src/config/commands.js';
import { INPUTS, inputsOf } from '../src/config/inputs.js';

const cli = (args: string[]) => runCliBundle(args, { env: {} });
const flagsIn = (text: string) => new Set([...text.matchAll(/^\s+(?:-\w, )?\s*--([\w-]+)/gm)].map((m) => m[1]!));

test('no arguments: a short usage on stderr naming every command, exit 2', async () => {
  const result = await cli([]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^Usage: quota-keys <command> \[flags\]/);
  for (const command of COMMANDS) expect(result.stderr).toContain(command);
  expect(result.stderr).toContain('quota-keys <command> --help');
});

test("batch --help: batch's flags only, its two examples, the exit codes", async () => {
  const result = await cli(['batch', '--help']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Usage: quota-keys batch \[flags\]/);
  const shown = flagsIn(result.stdout);
  expect(shown).toContain('count');
  expect(shown).toContain('token');
  expect(shown).toContain('min-success');
  // Flags of other commands are not there.
  for (const other of ['older-than-days', 'key', 'fail-on-alert', 'alert-threshold', 'watch', 'reset-all-keys-for-day'])
    expect(shown).not.toContain(other);
  const [first, second] = COMMAND_HELP.batch.examples;
  expect(result.stdout).toContain(`  ${first}\n  ${second}\n`);
  expect(result.stdout).toMatch(/^\s+3\s+alert/m);
});

test.each(COMMANDS.map((c) => [c]))(
  '%s --help lists exactly the flags of the inputs it reads, and two examples',
  async (command) => {
    const result = await cli([command, '--help']);
    expect(result.code).toBe(0);
    const expected = inputsOf(command).map((i) => (i.name === 'admin-token' ? 'token' : i.name));
    const extra = ['dotenv', 'json', 'quiet', 'help', ...(command === 'monitor' ? ['watch'] : [])];
    expect([...flagsIn(result.stdout)].sort()).toEqual([...expected, ...extra].sort());
    const examples = result.stdout
      .split('Examples')[1]!
      .split('\n\n')[0]!
      .split('\n')
      .filter((l) => l.startsWith(`  quota-keys ${command} `));
    expect(examples).toHaveLength(2);
  },
);

test('help <command> is <command> --help; --help alone lists every input', async () => {
  const [viaHelp, viaFlag, all] = await Promise.all([cli(['help', 'rotate']), cli(['rotate', '-h']), cli(['--help'])]);
  expect(viaHelp.code).toBe(0);
  expect(viaHelp.stdout).toBe(viaFlag.stdout);
  const everyFlag = flagsIn(all.stdout);
  for (const input of INPUTS.filter((i) => i.name !== 'command'))
    expect(everyFlag).toContain(input.name === 'admin-token' ? 'token' : input.name);
});

test('--version prints the package version, also after a command', async () => {
  const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  };
  for (const args of [['--version'], ['-V'], ['batch', '--version']]) {
    const result = await cli(args);
    expect([result.code, result.stdout]).toEqual([0, `${version}\n`]);
  }
});

test.each([
  [['bach'], /Invalid input 'command': "bach" — expected one of health, .*, rotate \(did you mean batch\?\)\.$/],
  [['rotat'], /\(did you mean rotate\?\)\.$/],
  [
    ['batch', '--cout', '3'],
    /^error: Invalid input '--cout' — unknown flag \(did you mean --count\?\); see quota-keys --help\.$/,
  ],
  [['list', '--label_prefix', 'a-'], /unknown flag \(did you mean --label-prefix\?\)/],
  [['usage', '--fail-on-alrt'], /unknown flag \(did you mean --fail-on-alert\?\)/],
])('a mistyped command or flag %j: exit 2, one line naming the nearest', async (args, message) => {
  const result = await cli([...args, '--token', 't', '--url', 'http://127.0.0.1:9']);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(message);
});

test('nothing near: no suggestion, the list (or --help) instead', async () => {
  const [command, flag] = await Promise.all([
    cli(['explode', '--token', 't']),
    cli(['batch', '--frobnicate', '--token', 't']),
  ]);
  expect(command.code).toBe(2);
  expect(command.stderr).not.toContain('did you mean');
  expect(command.stderr).toContain('expected one of health, generate, batch');
  expect(flag.code).toBe(2);
  expect(flag.stderr.trim()).toBe("error: Invalid input '--frobnicate' — unknown flag; see quota-keys --help.");
});
