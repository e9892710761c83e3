// The CLI's argument list, read with node:util parseArgs from the INPUTS table: every action input
// is a long flag of the same name; the old tool's short flags; `--token` for `--admin-token`;
// `--dotenv`, `--watch`, `--json`, `--quiet`, `--help`, `--version`. Every boolean flag may stand
// alone, take true/false (`--dry-run=false`, `--dry-run false`), or be turned off as `--no-dry-run`.
import { parseArgs as nodeParseArgs } from 'node:util';
import { COMMANDS } from '../config/commands.js';
import { INPUTS } from '../config/inputs.js';
import { InputError } from '../config/options.js';

export interface ParsedArgs {
  command?: string;
  /** `help batch`: the command whose help is asked for. */
  topic?: string;
  values: Map<string, string>;
  help: boolean;
  version: boolean;
  /** `--dotenv FILE`: not an action input, so not in INPUTS. */
  dotenv?: string;
  /** `--watch SECONDS` (monitor): a terminal loop, not an action input, so not in INPUTS. */
  watch?: string;
  /** `--json`: one JSON document on stdout (../render/json.ts) in place of the summary. */
  json: boolean;
  /** `--quiet`: errors only on stderr; no summary, progress or warnings. */
  quiet: boolean;
}

/** Long flags that stand for an input of another name. */
const ALIASES: Record<string, string> = { token: 'admin-token' };
const BOOLEAN_VALUE = /^(true|false|yes|no|on|off|1|0)$/i;

type OptionConfig = { type: 'string' | 'boolean'; short?: string };

function optionConfig(): Record<string, OptionConfig> {
  const options: Record<string, OptionConfig> = {};
  for (const input of INPUTS) {
    if (input.name === 'command') continue;
    // The old tool's -t is --token; --admin-token is the action's name for it.
    const short = input.name === 'admin-token' ? undefined : input.short;
    options[input.name] = { type: input.boolean ? 'boolean' : 'string', ...(short ? { short } : {}) };
  }
  options.token = { type: 'string', short: 't' };
  options.help = { type: 'boolean', short: 'h' };
  options.version = { type: 'boolean', short: 'V' };
  options.dotenv = { type: 'string' };
  options.watch = { type: 'string' };
  options.json = { type: 'boolean' };
  options.quiet = { type: 'boolean', short: 'q' };
  return options;
}

/** Every long flag the CLI knows, `--no-` forms included, for "did you mean". */
export function knownFlags(): string[] {
  const config = optionConfig();
  const negated = Object.keys(config).filter((name) => config[name]!.type === 'boolean');
  return [...Object.keys(config), ...negated.map((name) => `no-${name}`)];
}

/** `--no-dry-run`: the boolean flag it turns off, if it is one. */
function negatedFlag(config: Record<string, OptionConfig>, token: { name: string; rawName: string }) {
  const name = token.name.slice('no-'.length);
  const negates = token.rawName.startsWith('--no-') && !config[token.name] && config[name]?.type === 'boolean';
  return negates ? name : undefined;
}

/** Edit distance (insert, delete, substitute one character), for "did you mean". */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The nearest of `candidates` within 2 edits (case and `_` for `-` forgiven), if any. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const plain = word.toLowerCase().replace(/_/g, '-');
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(plain, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function unknownFlag(raw: string, long: boolean, name: string): InputError {
  const suggestion = long ? didYouMean(name, knownFlags()) : undefined;
  // Only the flag's name: a mistyped `--admin_token=…` must not print its value.
  return new InputError(
    raw,
    '',
    `unknown flag${suggestion ? ` (did you mean --${suggestion}?)` : ''}; see quota-keys --help`,
  );
}

type Token = ReturnType<
  typeof nodeParseArgs<{ options: Record<string, OptionConfig>; tokens: true; strict: false; allowPositionals: true }>
>['tokens'][number];

/** A word that is not a flag: the command, or an error (a value that lost its flag?). */
function takePositional(parsed: ParsedArgs, word: string): void {
  if (parsed.command === undefined) {
    parsed.command = word;
    return;
  }
  if (parsed.command === 'help' && parsed.topic === undefined) {
    parsed.topic = word;
    return;
  }
  // A stray word is echoed only when it is a command: it may be a value that lost its flag (a token).
  const known = (COMMANDS as readonly string[]).includes(word);
  throw new InputError(
    'command',
    known ? word : '',
    `one command only (got "${parsed.command}" already` +
      `${known ? '' : ', then a word that is not a flag: a value without its flag?'})`,
  );
}

/** `--name value`, `--name=value`, `-n value`; boolean inputs may stand alone or take true/false. */
export function parseArgs(argv: string[]): ParsedArgs {
  const config = optionConfig();
  const { tokens } = nodeParseArgs({
    args: argv,
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const parsed: ParsedArgs = { values: new Map(), help: false, version: false, json: false, quiet: false };
  const consumed = new Set<number>();
  for (const [t, token] of tokens.entries() as IterableIterator<[number, Token]>) {
    if (token.kind === 'option-terminator' || consumed.has(token.index)) continue;
    if (token.kind === 'positional') {
      takePositional(parsed, token.value);
      continue;
    }
    const negated = negatedFlag(config, token);
    if (negated !== undefined) {
      if (token.inlineValue)
        throw new InputError(token.rawName, '', `takes no value: --no-${negated} alone, or --${negated}=true|false`);
      store(parsed, negated, 'false');
      continue;
    }
    const spec = config[token.name];
    if (!spec) throw unknownFlag(token.rawName, token.rawName.startsWith('--'), token.name);
    // As the old tool: a short flag's value is the next word (`-c 5`), never glued on (`-c5`).
    if (!token.rawName.startsWith('--') && token.inlineValue) {
      throw new InputError(
        token.rawName,
        '',
        `a short flag takes its value as the next word, such as ${token.rawName} VALUE`,
      );
    }
    let value = token.value;
    if (spec.type === 'boolean' && value === undefined) {
      const next = tokens[t + 1];
      const takesNext = next?.kind === 'positional' && next.index === token.index + 1 && BOOLEAN_VALUE.test(next.value);
      if (takesNext) consumed.add(next.index);
      value = takesNext ? next.value : 'true';
    }
    if (value === undefined || (value === '' && (token.name === 'dotenv' || token.name === 'watch')))
      throw missingValue(token.name, token.rawName);
    store(parsed, token.name, value);
  }
  return parsed;
}

function missingValue(name: string, rawName: string): InputError {
  // `--dotenv=` and `--watch=` name nothing either.
  if (name === 'dotenv') return new InputError('dotenv', '', '--dotenv needs a file path, such as quota-keys.env');
  if (name === 'watch') return new InputError('watch', '', '--watch needs a number of seconds, such as 5');
  return new InputError(ALIASES[name] ?? name, '', `${rawName} needs a value`);
}

function store(parsed: ParsedArgs, name: string, value: string): void {
  if (name === 'help') parsed.help = !/^(false|no|off|0)$/i.test(value);
  else if (name === 'version') parsed.version = !/^(false|no|off|0)$/i.test(value);
  else if (name === 'json' || name === 'quiet') parsed[name] = !/^(false|no|off|0)$/i.test(value);
  else if (name === 'dotenv') parsed.dotenv = value;
  else if (name === 'watch') parsed.watch = value;
  else parsed.values.set(ALIASES[name] ?? name, value);
}
