// `quota-keys dev-server` reads its flags with node:util parseArgs, but every refusal is still its
// own one-line message naming the argument (exit 2, nothing started): parseArgs' own multi-line
// errors never reach the user, and an unknown flag is refused rather than ignored.
import { devServerMain } from '../src/dev-server/index.js';

async function refusal(argv: string[]): Promise<{ code: number; err: string[]; out: string[] }> {
  const err: string[] = [];
  const out: string[] = [];
  const code = await devServerMain(argv, { stderr: (l) => err.push(l), stdout: (l) => out.push(l), env: {} });
  return { code, err, out };
}

test.each([
  [['--bogus'], 'unknown option --bogus'],
  [['--bogus=1'], 'unknown option --bogus'],
  [['--port', '0', '--constructor'], 'unknown option --constructor'],
  [['-x'], "unexpected argument '-x'"],
  [['extra'], "unexpected argument 'extra'"],
  [['dev-server', 'dev-server'], "unexpected argument 'dev-server'"],
  [['--'], 'unknown option --'],
  [['--port'], '--port needs a value'],
  [['--port', '--flavor'], "--port expects an integer, got '--flavor'"],
  [['--sync=1'], '--sync takes no value'],
  [['--flavor=v9'], "--flavor must be one of v1, v01, v1p, v1a, v10, got 'v9'"],
  [['--health', 'sometimes'], "--health must be one of ok, error500, okFalse, hang, got 'sometimes'"],
  [['--rate-limit', '0/5'], "--rate-limit expects MAX/SECONDS like 30/900, or off, got '0/5'"],
  [['--token='], '--token must not be empty'],
  [['--seed-age-days', '-1'], "--seed-age-days expects a number >= 0, got '-1'"],
  [['--port', '70000'], '--port must be between 0 and 65535, got 70000'],
])('%j is refused: %s', async (argv, message) => {
  const { code, err, out } = await refusal(argv);
  expect(code).toBe(2);
  expect(err).toEqual([`quota-keys dev-server: ${message} (see --help)`]);
  expect(out).toEqual([]);
});

test('the first bad argument is the one named', async () => {
  const { err } = await refusal(['--flavor', 'v9', '--bogus']);
  expect(err).toEqual(["quota-keys dev-server: --flavor must be one of v1, v01, v1p, v1a, v10, got 'v9' (see --help)"]);
});

test('-h and --help print the usage and start nothing', async () => {
  for (const flag of ['-h', '--help']) {
    const { code, out, err } = await refusal(['--port', '0', flag]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/^Usage: quota-keys dev-server \[options\]/);
    expect(out.join('\n')).toContain('--seed-label-prefix P');
  }
});
