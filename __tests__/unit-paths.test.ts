// Unit: the paths a run writes, checked before any request (src/config/paths.ts), in a temp workspace.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliContext, type RunContext } from '../src/config/context.js';
import { InputError } from '../src/config/input-error.js';
import {
  checkArtifactPaths,
  checkDotenv,
  DEFAULT_AUDIT_LOG,
  parseAuditLog,
  parseHtml,
  parseOutput,
} from '../src/config/paths.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'unit-paths-'));
const now = new Date(2026, 10, 26, 9);
const cli: RunContext = { ...cliContext({}, now), runId: 'r1', workspace };
const github: RunContext = { ...cli, platform: 'github' };
const at = (...parts: string[]) => path.join(workspace, ...parts);
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('no InputError');
};

mkdirSync(at('real'));
symlinkSync(at('real'), at('linked'));
symlinkSync('/etc/hostname', at('link.csv'));
symlinkSync('/dev/null', at('null.csv'));
writeFileSync(at('plain'), 'x');

describe('parseOutput', () => {
  test('a given path is resolved in the workspace; folders on the way may not exist yet', () => {
    expect(parseOutput('keys.csv', cli)).toBe(at('keys.csv'));
    expect(parseOutput('new/deeper/keys.csv', cli)).toBe(at('new', 'deeper', 'keys.csv'));
  });

  test('a folder, a link, or a path through a linked folder of the workspace is refused', () => {
    expect(message(() => parseOutput('real', cli))).toContain('not a folder');
    expect(message(() => parseOutput('x/', cli))).toContain('not a folder');
    expect(message(() => parseOutput('link.csv', cli))).toContain('is a symbolic link');
    expect(message(() => parseOutput('linked/keys.csv', cli))).toContain(`${at('linked')} is a symbolic link`);
  });

  test('a path under a file is refused: that folder cannot take files', () => {
    expect(message(() => parseOutput('plain/keys.csv', cli))).toContain('not a writable folder');
  });

  test('the default counts up past files already there, a dangling link too', () => {
    const first = parseOutput('', cli);
    expect(first).toBe(at('trial-keys-20261126-r1.csv'));
    writeFileSync(first, 'x');
    symlinkSync(at('nowhere'), at('trial-keys-20261126-r1-2.csv'));
    expect(parseOutput('', cli)).toBe(at('trial-keys-20261126-r1-3.csv'));
  });
});

describe('parseHtml', () => {
  test('none, or no default off GitHub, or one day: no dashboard', () => {
    expect(parseHtml('none', 'usage', 7, github)).toBeUndefined();
    expect(parseHtml('', 'usage', 7, cli)).toBeUndefined();
    expect(parseHtml('', 'usage', 1, github)).toBeUndefined();
    expect(parseHtml('', 'list', 7, github)).toBeUndefined();
  });

  test('the action’s default is one per run, counting up past one already there', () => {
    expect(parseHtml('', 'usage', 7, github)).toBe(at('usage-dashboard-r1.html'));
    writeFileSync(at('usage-dashboard-r1.html'), 'x');
    expect(parseHtml('', 'usage', 7, github)).toBe(at('usage-dashboard-r1-2.html'));
  });

  test('a given path: usage only, a file, writable, no link', () => {
    expect(parseHtml('d/dash.html', 'usage', 1, cli)).toBe(at('d', 'dash.html'));
    expect(message(() => parseHtml('x.html', 'batch', 1, cli))).toContain('only usage writes a dashboard, not batch');
    expect(message(() => parseHtml('real', 'usage', 1, cli))).toContain('not a folder');
    expect(message(() => parseHtml('null.csv', 'usage', 1, cli))).toContain('is a symbolic link');
    expect(message(() => parseHtml('plain/d.html', 'usage', 1, cli))).toContain('cannot be written there');
  });
});

describe('parseAuditLog', () => {
  const output = at('keys.csv');
  test('read commands, dry runs and none write no audit log; the CLI none by default', () => {
    expect(parseAuditLog('a.jsonl', 'list', false, output, github)).toBeUndefined();
    expect(parseAuditLog('a.jsonl', 'batch', true, output, github)).toBeUndefined();
    expect(parseAuditLog('none', 'batch', false, output, github)).toBeUndefined();
    expect(parseAuditLog('', 'batch', false, output, cli)).toBeUndefined();
  });

  test('in CI the default lies beside the CSV; a given path is resolved in the workspace', () => {
    expect(parseAuditLog('', 'rotate', false, at('out', 'keys.csv'), github)).toBe(at('out', DEFAULT_AUDIT_LOG));
    expect(parseAuditLog('logs/a.jsonl', 'delete', false, output, cli)).toBe(at('logs', 'a.jsonl'));
  });

  test('a link or a folder is refused', () => {
    expect(message(() => parseAuditLog('link.csv', 'batch', false, output, cli))).toContain('symbolic link');
    expect(message(() => parseAuditLog('real', 'batch', false, output, cli))).toContain('regular file');
    expect(message(() => parseAuditLog('', 'batch', false, at('linked', 'k.csv'), github))).toContain(
      'set audit-log to another path',
    );
  });
});

describe('checkArtifactPaths and checkDotenv', () => {
  test('characters the artifact uploader refuses, where the artifact holds the file, are refused', () => {
    expect(() => checkArtifactPaths({ output: at('keys.csv'), auditLog: at('a.jsonl') }, () => '')).not.toThrow();
    expect(message(() => checkArtifactPaths({ output: at('k:1.csv') }, () => 'k:1.csv'))).toContain(
      'Invalid input \'output\': "k:1.csv"',
    );
    expect(message(() => checkArtifactPaths({ output: at('k.csv'), auditLog: at('a|b.jsonl') }, () => ''))).toContain(
      'Invalid input \'audit-log\': "a|b.jsonl"',
    );
  });

  test('a character above the artifact’s root is the runner’s own: allowed', () => {
    const odd = path.join(workspace, 'we:ird');
    expect(() => checkArtifactPaths({ output: path.join(odd, 'keys.csv') }, () => '')).not.toThrow();
  });

  test('the dotenv: a regular file or nothing, no link, a name the artifact takes', () => {
    expect(() => checkDotenv(at('q.env'), 'q.env', workspace)).not.toThrow();
    expect(message(() => checkDotenv(at('link.csv'), 'link.csv', workspace))).toContain('symbolic link');
    expect(message(() => checkDotenv(at('a?.env'), 'a?.env', workspace))).toContain('without');
    expect(message(() => checkDotenv(at('real'), 'real', workspace))).toContain('regular file');
  });
});
