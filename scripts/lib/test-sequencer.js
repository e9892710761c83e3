// The order jest starts test files in: the slowest first, so that no worker sits idle at the end of
// `npm test` while another runs one long file. Jest orders by the durations of its last run when its
// cache has them, and otherwise (CI: a fresh machine) by file size, which starts the slowest files,
// small ones that build the bundle, run pipelines or wait out deadlines, last. These files, measured
// slowest in a whole run on 2 cores, start first; the others keep jest's order. A name here that no
// longer exists changes nothing.
import jestSequencer from '@jest/test-sequencer';

const Sequencer = jestSequencer.default ?? jestSequencer;

const SLOWEST = [
  'dist-up-to-date.test.ts',
  'gitlab-ci-local-pipelines.test.ts',
  'cli-seed-guide-write.test.ts',
  'progress-eta-counts-a-rate-limit-wait.test.ts',
  'dashboard-10000-keys-small-sorted-and-filtered.test.ts',
  'one-signal-one-exit-code-every-phase.test.ts',
  'notify-webhook-local-receiver.test.ts',
  'npm-package-installs-alone.test.ts',
  'published-package-runs-with-npx-and-the-gitlab-component.test.ts',
  'fault-matrix.test.ts',
  'issue-every-flavor.test.ts',
  'health-v10-upstream-defaults.test.ts',
  'paging-that-never-ends-is-bounded.test.ts',
  'retry-idempotent-requests.test.ts',
  'cli-read-commands-every-flavor.test.ts',
  'action-bundle.test.ts',
];

export default class SlowestFirst extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const i = SLOWEST.indexOf(test.path.split(/[\\/]/).pop());
      return i === -1 ? SLOWEST.length : i;
    };
    // Array.prototype.sort is stable: the rest stay in jest's order.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}
