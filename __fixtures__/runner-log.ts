// What the GitHub runner makes of a step's output, by its own rules (actions/runner:
// ActionCommandManager.TryProcessCommand, ActionCommand.TryParseV2 and TryParse):
// - a line ends at \n, \r\n or a lone \r (the runner reads the pipes line by line);
// - a line is a workflow command when, once leading white space is trimmed (.NET: every Unicode
//   space), it starts with `::name …::data`, or when it holds `##[name …]data` ANYWHERE, for a
//   registered command name, in any case;
// - `stop-commands` turns processing off until its token comes back as a command: meanwhile every
//   command line, `::add-mask::` included, is shown as plain text;
// - `add-mask` hides its value from every later line (the line of the command itself is not shown).
// Tests hold what the tool prints against this reading: which commands ran, which annotations were
// made, what a reader of the log sees.

const REGISTERED = new Set(
  [
    'stop-commands',
    'set-env',
    'set-output',
    'save-state',
    'add-mask',
    'add-path',
    'add-matcher',
    'remove-matcher',
    'debug',
    'warning',
    'error',
    'notice',
    'group',
    'endgroup',
    'echo',
  ].map((c) => c.toLowerCase()),
);

// .NET's Char.IsWhiteSpace, which String.TrimStart trims.
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

export interface RunnerCommand {
  name: string;
  data: string;
  /** The output line (0-based) it came from. */
  line: number;
}

export interface RunnerReading {
  /** The lines a reader of the log sees, masks applied (command lines the runner hides are not here). */
  shown: string[];
  /** Every command the runner carried out, in order. */
  commands: RunnerCommand[];
  annotations: Array<{ kind: string; message: string }>;
  masks: string[];
  /** Commands still stopped at the end (the token that would resume them), if so. */
  stoppedUntil?: string;
}

const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeV1 = (text: string) =>
  text.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');

function parse(line: string, registered: Set<string>): { name: string; data: string } | undefined {
  const trimmed = line.replace(DOTNET_SPACE, '');
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const name = trimmed.slice(2, end).split(' ')[0]!;
      if (registered.has(name.toLowerCase())) return { name, data: unescapeData(trimmed.slice(end + 2)) };
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const name = line.slice(prefix + 3, bracket).split(' ')[0]!;
  return registered.has(name.toLowerCase()) ? { name, data: unescapeV1(line.slice(bracket + 1)) } : undefined;
}

/** The runner's reading of `output` (a step's stdout and stderr, in the order written). */
export function readAsRunner(output: string): RunnerReading {
  const registered = new Set(REGISTERED);
  const reading: RunnerReading = { shown: [], commands: [], annotations: [], masks: [] };
  let stopToken: string | undefined;
  const mask = (text: string) => reading.masks.reduce((t, m) => t.split(m).join('***'), text);
  output.split(/\r\n|\n|\r/).forEach((line, index) => {
    const command = parse(line, registered);
    const name = command?.name.toLowerCase();
    if (!command || (stopToken !== undefined && name !== stopToken.toLowerCase())) {
      reading.shown.push(mask(line));
      return;
    }
    reading.commands.push({ name: name!, data: command.data, line: index });
    if (stopToken !== undefined) {
      registered.delete(stopToken.toLowerCase());
      stopToken = undefined;
    } else if (name === 'stop-commands') {
      stopToken = command.data;
      registered.add(stopToken.toLowerCase());
    } else if (name === 'add-mask') {
      if (command.data.trim()) reading.masks.push(command.data);
    } else if (name === 'warning' || name === 'error' || name === 'notice') {
      reading.annotations.push({ kind: name, message: mask(command.data) });
    } else if (name !== 'debug') {
      reading.shown.push(mask(line));
    }
  });
  if (stopToken !== undefined) reading.stoppedUntil = stopToken;
  return reading;
}
