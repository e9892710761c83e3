// ESM TypeScript through ts-jest; run with --experimental-vm-modules (see package.json).
// `npm test` adds --coverage: V8's own coverage (works with ESM, unlike babel instrumentation) of
// every file in src/, loaded or not, held to the thresholds below. Code that runs only inside a
// bundle subprocess (dist/) is not counted: the entries take their collaborators as parameters so
// tests run them in-process (see __fixtures__/fake-core.ts). src/dev-server/ is counted too: it
// ships in the CLI (`quota-keys dev-server`).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 30000,
  // Most suites wait on sockets, child processes and timers, not the CPU: with jest's default (one
  // worker on a 2-core machine) the suite left a core idle and took 12 min; two workers kept both busy
  // but for the files that wait out deadlines and rate-limit windows. Three fill those waits: on 2
  // cores, in one sitting, 333 s with two workers, 275 s with three (and with the recycling below
  // 277 s against 164 s).
  maxWorkers: 3,
  // A worker is replaced once a file leaves it above this: V8's coverage, taken after every file,
  // covers every module the worker ever loaded, so a file of unit tests that runs in 0.1 s took 4 s
  // late in a run, and coverage doubled the suite's CPU time. Recycled: 410 → 255 s of CPU, 331 →
  // 164 s on 2 cores (one sitting, the same coverage).
  workerIdleMemoryLimit: '120MB',
  testSequencer: '<rootDir>/scripts/lib/test-sequencer.js',
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', ['text', { skipFull: true }], 'json-summary'],
  coverageThreshold: { global: { lines: 90, branches: 80 } },
};
