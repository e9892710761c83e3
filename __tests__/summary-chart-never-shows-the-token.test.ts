// The job summary's Mermaid chart names keys by their labels (server text). mermaidText turns what is
// not a letter, a digit or plain punctuation into `_`, and the summary was redacted only after: a label
// holding the token `Adm1n&Secret;Part"…` was drawn as `Adm1n_Secret_Part_T…`, 16 of its characters,
// which no 8-character piece of the token matched any more. The categories are now redacted first.
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { startDevServer } from '../src/dev-server/index.js';

const TOKEN = `Adm1n&Secret;Part"Two'Q-uoted/Tail+99=x`;

test('usage: the chart of the job summary shows a label holding the token masked', async () => {
  const server = await startDevServer({ flavor: 'v1p', token: TOKEN });
  try {
    for (const label of [TOKEN, 'plain'])
      server.recordUsage(server.seedKeys(1, { labelPrefix: label, dailyLimit: 10 })[0]!, 9);
    const result = await runBundledAction(
      { command: 'usage', url: server.url, 'admin-token': TOKEN, 'upload-artifact': 'false' },
      { env: { ACTIONS_STEP_DEBUG: 'true' } },
    );
    expect(result.code).toBe(0);
    const axis = (result.summary as string).split('\n').find((line) => line.includes('x-axis ['));
    // The labels did reach the chart (the test would prove nothing otherwise).
    expect(axis).toContain('"plain1"');
    // Every run of 4 letters or digits of the token, wherever the chart's escaping cut it.
    const runs = TOKEN.match(/[A-Za-z0-9]{4,}/g)!;
    expect(runs.filter((run) => axis!.includes(run))).toEqual([]);
  } finally {
    await server.close();
  }
});
