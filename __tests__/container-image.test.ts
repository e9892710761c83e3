// The container image (Dockerfile). Where a container engine answers, the image is built and run.
// Where none does (the CI machines have the docker client but no daemon), the test checks what it
// can without one: the Dockerfile's base, user and entrypoint, that every COPY source exists and
// passes .dockerignore, and that the files the image copies, laid out as the image lays them out
// (nothing else, no node_modules), run as the entrypoint runs them: --version, then health against
// the dev server.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess } from '../__fixtures__/run-process.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { VERSION } from '../src/version.js';

type Instruction = { op: string; args: string };
/** Dockerfile instructions: comments dropped, `\` continuations joined. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, op, args] = line.match(/^(\w+)\s+(.*)$/)!;
      return { op: op!.toUpperCase(), args: args!.trim() };
    });
}
const jsonOrWords = (args: string): string[] =>
  args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);

const DOCKERFILE = instructions(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const all = (op: string) => DOCKERFILE.filter((i) => i.op === op);
const last = (op: string) => all(op).at(-1);

/** Each COPY as (source in the build context, absolute destination in the image). */
function copies(): Array<{ source: string; target: string }> {
  let workdir = '/';
  const result: Array<{ source: string; target: string }> = [];
  for (const { op, args } of DOCKERFILE) {
    if (op === 'WORKDIR') workdir = path.posix.resolve(workdir, args);
    if (op !== 'COPY') continue;
    const words = jsonOrWords(args).filter((w) => !w.startsWith('--'));
    const dest = words.pop()!;
    const destAbs = path.posix.resolve(workdir, dest);
    for (const source of words) {
      const intoDir = dest.endsWith('/') || words.length > 1;
      const isDir = statSync(path.join(ROOT, source)).isDirectory();
      result.push({
        source,
        target: isDir || !intoDir ? destAbs : path.posix.join(destAbs, path.posix.basename(source)),
      });
    }
  }
  return result;
}

/** The image path a command name resolves to: a `ln -s TARGET /usr/local/bin/NAME` in a RUN, or the path itself. */
function resolveCommand(name: string): string {
  if (name.startsWith('/')) return name;
  for (const { args } of all('RUN')) {
    const link = args.match(new RegExp(`ln -sf? (\\S+) /usr/local/bin/${name}(\\s|$)`));
    if (link) return link[1]!;
  }
  throw new Error(`${name} is not linked into /usr/local/bin by the Dockerfile`);
}

/** The image's files that COPY brings, laid out under `root` as in the image. */
function layOut(root: string) {
  for (const { source, target } of copies()) {
    mkdirSync(path.dirname(path.join(root, target)), { recursive: true });
    cpSync(path.join(ROOT, source), path.join(root, target), { recursive: true });
  }
}

let server: { url: string; token: string; stop: () => Promise<void> };
const temporary: string[] = [];
beforeAll(async () => {
  server = await startDevServerProcess();
});
afterAll(async () => {
  await server.stop();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('without a container engine', () => {
  test('a small Node 24 base, a user that is not root, quota-keys as the entrypoint', () => {
    expect(all('FROM')).toHaveLength(1);
    expect(all('FROM')[0]!.args).toMatch(/^node:24(\.\d+)*-alpine(\d+(\.\d+)*)?(@sha256:[0-9a-f]{64})?$/);
    const user = last('USER')?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    // The user is set before the entrypoint, and nothing after it switches back.
    expect(DOCKERFILE.findIndex((i) => i.op === 'USER')).toBeLessThan(
      DOCKERFILE.findIndex((i) => i.op === 'ENTRYPOINT'),
    );
    expect(jsonOrWords(last('ENTRYPOINT')!.args)).toEqual(['quota-keys']);
  });

  test('every COPY source exists, passes .dockerignore, and together they hold the bundled CLI', () => {
    const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // Everything is left out but what is let back in by name.
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    const list = copies();
    expect(list.length).toBeGreaterThan(0);
    for (const { source } of list) {
      expect({ source, exists: existsSync(path.join(ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, allowed: allowed.includes(source.replace(/\/$/, '')) }).toEqual({ source, allowed: true });
    }
    expect(list.map((c) => c.source)).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/cli/']));
  });

  test(
    'the entrypoint runs the bundled CLI the image copies, with nothing else beside it: ' + '--version, health',
    async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'image-root-'));
      temporary.push(root);
      layOut(root);
      const entry = resolveCommand(jsonOrWords(last('ENTRYPOINT')!.args)[0]!);
      expect(entry).toMatch(/^\/.*\/dist\/cli\.js$/);
      const file = path.join(root, entry);
      expect(existsSync(file)).toBe(true);
      // Executable, with a shebang: the symlink in /usr/local/bin is run directly.
      expect(statSync(file).mode & 0o111).not.toBe(0);
      expect(readFileSync(file, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
      expect(existsSync(path.join(root, 'opt/quota-keys/node_modules'))).toBe(false);

      const env = { PATH: process.env.PATH, HOME: root };
      const version = await startProcess(process.execPath, [file, '--version'], { cwd: root, env }).done;
      expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
      const health = await startProcess(process.execPath, [file, 'health', '--url', server.url], { cwd: root, env })
        .done;
      expect(health.code).toBe(0);
      expect(health.stdout).toMatch(/^Healthy: yes$/m);
    },
  );
  // `docker run --user "$(id -u)" -v "$PWD:/work"`: the host user's id, which the image does not know
  // (no passwd entry, HOME=/), writes the CSV into the mounted folder it owns. Needs root to switch ids.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? test : test.skip)(
    `as a user id the image does not know, the CLI writes the CSV into a folder that user owns${
      asRoot ? '' : ' (skipped: switching user ids needs root)'
    }`,
    async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'image-root-'));
      temporary.push(root);
      chmodSync(root, 0o755);
      layOut(root);
      const hostUser = 4242;
      const mounted = path.join(root, 'work');
      mkdirSync(mounted, { recursive: true });
      chownSync(mounted, hostUser, hostUser);
      const entry = path.join(root, resolveCommand(jsonOrWords(last('ENTRYPOINT')!.args)[0]!));
      const result = await startProcess(
        process.execPath,
        [entry, 'batch', '--count', '2', '--url', server.url, '--token', server.token, '--output', 'keys.csv'],
        { cwd: mounted, env: { PATH: process.env.PATH, HOME: '/' }, uid: hostUser },
      ).done;
      expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
      expect(readdirSync(mounted).sort()).toEqual(['keys.csv']);
      expect(statSync(path.join(mounted, 'keys.csv')).uid).toBe(hostUser);
    },
  );
  test('the README runs the image as the host user, on the current folder', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(
      /docker run --rm --user "\$\(id -u\)" -e ADMIN_TOKEN -v "\$PWD:\/work" quota-keys /,
    );
  });
});

/** A container engine that answers, or why none does. */
function engine(): { command?: string; reason: string } {
  for (const command of ['docker', 'podman']) {
    const info = spawnSync(command, ['info'], { encoding: 'utf8', timeout: 20_000 });
    if (info.error) continue;
    if (info.status === 0) return { command, reason: '' };
    return { reason: `${command} info failed: ${(info.stderr || info.stdout).trim().split('\n').at(-1)}` };
  }
  return { reason: 'neither docker nor podman is installed' };
}
const found = engine();
const withEngine = found.command ? test : test.skip;

withEngine(
  `with a container engine: build the image, run --version as a non-root user, health on the host network` +
    `${found.command ? '' : ` (skipped: ${found.reason})`}`,
  async () => {
    const docker = found.command!;
    const tag = `quota-keys-test:${process.pid}`;
    execFileSync(docker, ['build', '-q', '-t', tag, ROOT], { stdio: 'pipe', timeout: 600_000 });
    try {
      expect(execFileSync(docker, ['run', '--rm', tag, '--version'], { encoding: 'utf8' })).toBe(`${VERSION}\n`);
      expect(
        execFileSync(docker, ['run', '--rm', '--entrypoint', 'id', tag, '-u'], { encoding: 'utf8' }).trim(),
      ).not.toBe('0');
      const health = execFileSync(docker, ['run', '--rm', '--network', 'host', tag, 'health', '--url', server.url], {
        encoding: 'utf8',
      });
      expect(health).toMatch(/^Healthy: yes$/m);
    } finally {
      spawnSync(docker, ['rmi', '-f', tag]);
    }
  },
  900_000,
);
