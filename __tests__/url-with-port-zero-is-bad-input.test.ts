// A URL with port 0 (`http://127.0.0.1:0`) names no server: it is bad input, one line naming `url`,
// exit 2, nothing attempted. On the old code the health check tried to connect 4 times (with backoff)
// and the run failed with "connection refused".
import { runCliBundle } from '../__fixtures__/run-process.js';

test.each(['http://127.0.0.1:0', 'https://admin:secret@quota.example:0/base'])(
  'batch -u %s: exit 2, one line naming url and the ports allowed, no credentials',
  async (url) => {
    const started = Date.now();
    const { code, stdout, stderr } = await runCliBundle(['batch', '-u', url, '-t', 'tok-0123456789', '-c', '1']);
    expect(stderr.trim()).toMatch(/^error: Invalid input 'url': "[^"]*:0" — expected a port from 1 to 65535\.$/);
    expect(`${stdout}${stderr}`).not.toMatch(/secret|healthy|refused/i);
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
  },
);
