// Mutation testing of the rules that must not change silently (`npm run test:mutation`; not part
// of `npm test`: it runs the unit tests hundreds of times). Narrow a run to one folder with
// `npm run test:mutation -- --mutate 'shared/alerts/**/*.ts' '!shared/**/*.test.ts'`.
// Concurrency 1: the build machines are small and shared.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'shared/domain/**/*.ts',
    'shared/mutators/**/*.ts',
    'shared/alerts/**/*.ts',
    'server/gps/fix-filter.ts',
    'server/gps/geofence-machine.ts',
    '!**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // The first run executes every test in vitest.mutation.config.mts once; on a busy shared machine
  // that takes longer than Stryker's default 5 minutes.
  dryRunTimeoutMinutes: 30,
  concurrency: 1,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 85, break: null },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Build output and other runs' artefacts are not sources: don't copy them into the sandbox.
  ignorePatterns: ['test-results', 'playwright-report', '/reports', 'out', 'dist', 'data'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignoreStatic: true,
};
