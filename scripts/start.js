// `npm start`: the main job on the embedded default. Starts the bundled dev server on a free port,
// runs the bundled action as the GitHub runner would to issue a batch of 5 keys, prints the job
// summary and the CSV path, stops the server.
import { runBundledAction, startDevServerProcess } from './lib/simulate-runner.js';

const server = await startDevServerProcess();
try {
  const result = await runBundledAction(
    { command: 'batch', count: '5', limit: '100', url: server.url, 'admin-token': server.token },
    { workspace: process.cwd() },
  );
  process.stdout.write(result.stdout.split('\n').filter((l) => !l.startsWith('::')).join('\n'));
  process.stdout.write(`\n${result.summary}\n`);
  process.stdout.write(`CSV: ${result.outputs['csv-path'] ?? '(none)'}\n`);
  process.exitCode = result.code ?? 1;
} finally {
  await server.stop();
}
