// A private npm registry the tests start: verdaccio (__fixtures__/verdaccio-server.js) on
// 127.0.0.1 with no uplinks, and a user to publish as. `npm publish` goes to it with the userconfig
// it writes; `npm_config_registry` pointed at it installs only what was published there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess } from './run-process.js';

export interface Registry {
  url: string;
  /** An npm userconfig naming this registry and the publishing user's token. */
  userconfig: string;
  dir: string;
  stop: () => Promise<void>;
}

export async function startVerdaccio(): Promise<Registry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'verdaccio-'));
  const server = startProcess(process.execPath, [path.join(import.meta.dirname, 'verdaccio-server.js'), dir], {
    env: { PATH: process.env.PATH, HOME: dir },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    server.child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk;
      const line = seen.match(/^(http:\/\/127\.0\.0\.1:\d+\/)\n/);
      if (line) resolve(line[1]!);
    });
    void server.done.then((f) => reject(new Error(`verdaccio ended before it listened: ${f.stderr}`)));
  });
  const stop = async () => {
    server.child.kill('SIGTERM');
    await server.done;
  };
  // npm adduser's request: the first user may register (max_users: 1), and gets a token.
  const answer = await fetch(`${url}-/user/org.couchdb.user:publisher`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'publisher', password: 'publisher-password' }),
  });
  const { token } = (await answer.json()) as { token?: string };
  if (!answer.ok || !token) {
    await stop();
    throw new Error(`verdaccio refused the publishing user: ${answer.status}`);
  }
  const userconfig = path.join(dir, 'npmrc');
  writeFileSync(userconfig, `registry=${url}\n${url.replace(/^http:/, '')}:_authToken=${token}\n`);
  return { url, userconfig, dir, stop };
}
