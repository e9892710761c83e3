// `node __fixtures__/verdaccio-server.js DIR`: a private npm registry for the tests, verdaccio on
// 127.0.0.1 (a free port), its storage and users in DIR, no uplinks: nothing is fetched from
// anywhere else, so a package not published here is not found. Prints its URL as the first line of
// stdout; stops on SIGTERM. Started by __fixtures__/verdaccio.ts.
import path from 'node:path';
import { runServer } from 'verdaccio';

const dir = path.resolve(process.argv[2] ?? '.');
const server = await runServer({
  self_path: dir,
  storage: path.join(dir, 'storage'),
  auth: { htpasswd: { file: path.join(dir, 'htpasswd'), max_users: 1 } },
  uplinks: {},
  packages: { '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' } },
  web: { enable: false },
  log: { type: 'stdout', format: 'pretty', level: 'error' },
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
