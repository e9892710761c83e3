// Every help page of dist/cli.js fits one screen: at most 40 lines of at most 80 columns, each flag
// on one line (`quota-keys --help`, each `quota-keys <command> --help`, `help flags`, `help
// exit-codes`).

import { runCliBundle } from '../__fixtures__/run-process.js';
import { COMMANDS } from '../src/config/commands.js';

const pages = [['--help'], ...COMMANDS.map((c) => [c, '--help']), ['help', 'flags'], ['help', 'exit-codes']];

test.each(pages.map((args) => [args.join(' '), args]))(
  'quota-keys %s: at most 40 lines of 80 columns',
  async (_, args) => {
    const result = await runCliBundle(args, { env: {} });
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    const wide = lines.filter((line) => [...line].length > 80);
    expect(wide).toEqual([]);
  },
);
