// dist/cli.js's help as a person meets it, in the shape of `gh issue list --help`: usage on no
// arguments; one page per command with USAGE, its own FLAGS, a few GLOBAL FLAGS, two or three
// EXAMPLES and LEARN MORE; `help flags` for every global flag; `version`, --version and -V; "did you
// mean" for a mistyped command, flag or help topic.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { COMMAND_HELP, COMMANDS } from '../src/config/commands.js';
import { cliContext } from '../src/config/context.js';
import { INPUTS, inputsOf, isGlobal, readsAsOwn } from '../src/config/inputs.js';
import { parseBatchLabel } from '../src/config/labels.js';

const cli = (args: string[]) => runCliBundle(args, { env: {} });
const flagOf = (name: string) => (name === 'admin-token' ? 'token' : name);
/** The text under a heading (`FLAGS`, `EXAMPLES`, …) up to the next blank line. */
const section = (text: string, heading: string) => {
  const start = text.split('\n').findIndex((l) => l.startsWith(heading));
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.split('\n').slice(start + 1);
  return rest.slice(0, rest.includes('') ? rest.indexOf('') : undefined);
};
const flagsIn = (lines: string[]) => lines.map((l) => /^\s+(?:-\w, )?\s*--([\w-]+)/.exec(l)?.[1]).filter(Boolean);

test('no arguments: a short usage on stderr naming every command, exit 2', async () => {
  const result = await cli([]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^Usage: quota-keys <command> \[flags\]/);
  for (const command of [...COMMANDS, 'version']) expect(result.stderr).toContain(command);
  expect(result.stderr).toContain('quota-keys <command> --help');
});

test.each(COMMANDS.map((c) => [c]))(
  '%s --help: USAGE, its own flags under FLAGS, url/token/json/quiet under GLOBAL FLAGS, 2-3 examples',
  async (command) => {
    const result = await cli([command, '--help']);
    expect(result.code).toBe(0);
    expect(section(result.stdout, 'USAGE')).toEqual([`  quota-keys ${command} [flags]`]);
    const own = inputsOf(command).filter((i) => readsAsOwn(command, i.name) && !i.flag?.actionOnly);
    const flags = section(result.stdout, 'FLAGS');
    expect(flagsIn(flags).sort()).toEqual(
      [...own.map((i) => i.name), ...(command === 'monitor' ? ['watch'] : [])].sort(),
    );
    expect(flags.every((line) => /^ {2}(-\w, | {4})--/.test(line))).toBe(true);
    expect(flagsIn(section(result.stdout, 'GLOBAL FLAGS'))).toEqual(['url', 'token', 'json', 'quiet']);
    const examples = section(result.stdout, 'EXAMPLES');
    expect(examples).toEqual(COMMAND_HELP[command].examples.filter(Boolean).map((e) => `  $ ${e}`));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.every((e) => e.startsWith(`  $ quota-keys ${command} `))).toBe(true);
    expect(section(result.stdout, 'LEARN MORE').join('\n')).toContain('quota-keys help flags');
  },
);

test("batch --help shows the labels' real form: <name>-<NNN>-<suffix>, the suffix of each platform", async () => {
  const { stdout } = await cli(['batch', '--help']);
  const text = stdout.replace(/\s+/g, ' ');
  for (const form of [
    '<name>-<NNN>-',
    'c<time>n<nonce>',
    'r<run>a<attempt>i<step>n<nonce>',
    'p<pipeline>j<job>n<nonce>',
  ])
    expect(text).toContain(form);
  // The example label is one this tool would make on the command line, and reads back as a batch label.
  const example = /\bpartner-001-(c[0-9a-z]+n[0-9a-f]{6})\b/.exec(text);
  expect(example).not.toBeNull();
  expect(parseBatchLabel(example![0])).toMatchObject({ stem: 'partner', number: 1 });
  expect(cliContext({}).labelSuffix).toMatch(/^c[0-9a-z]+n[0-9a-f]{6}$/);
  const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
  expect(readme).toContain('c<time>n<nonce>');
});

test('help <command> is <command> --help (dev-server too); each input on a command page or help flags', async () => {
  const [viaHelp, viaFlag, flags] = await Promise.all([
    cli(['help', 'rotate']),
    cli(['rotate', '-h']),
    cli(['help', 'flags']),
  ]);
  expect(viaHelp.code).toBe(0);
  expect(viaHelp.stdout).toBe(viaFlag.stdout);
  expect(flags.code).toBe(0);
  const devServer = await cli(['help', 'dev-server']);
  expect([devServer.code, devServer.stdout]).toEqual([0, expect.stringMatching(/^Usage: quota-keys dev-server /)]);
  const pages = await Promise.all(COMMANDS.map((c) => cli([c, '--help'])));
  const shown = [flags, ...pages].map((p) => p.stdout).join('\n');
  for (const input of INPUTS.filter((i) => i.name !== 'command')) expect(shown).toContain(`--${flagOf(input.name)}`);
  // Global flags: every one each command reads, and the CLI's own.
  const globals = INPUTS.filter(isGlobal).map((i) => flagOf(i.name));
  const listed = flagsIn(section(flags.stdout, 'GLOBAL FLAGS'));
  expect(listed).toEqual(expect.arrayContaining([...globals, 'dotenv', 'json', 'quiet', 'help', 'version']));
});

test('version, --version and -V print the package version, also after a command', async () => {
  const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  };
  for (const args of [['version'], ['--version'], ['-V'], ['batch', '--version']]) {
    const result = await cli(args);
    expect([args, result.code, result.stdout]).toEqual([args, 0, `${version}\n`]);
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
  [['batch', '--no-dryrun'], /unknown flag \(did you mean --no-dry-run\?\)/],
  [
    ['help', 'flag'],
    new RegExp(
      "^error: Invalid input 'help' — no such help topic: expected a command, flags or exit-codes " +
        String.raw`\(did you mean flags\?\)\.$`,
    ),
  ],
])('a mistyped command, flag or topic %j: exit 2, one line naming the nearest', async (args, message) => {
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
