// The tests StrykerJS runs against each mutant (`npm run test:mutation`): the unit tests of the
// rules under mutation. Kept apart from vitest.config.mts so a mutant never starts real servers,
// Playwright or the sync end-to-end suite: those are slow, and they are not where a rule of
// shared/domain, shared/mutators, shared/alerts or the GPS filters is pinned down.
// carried-by-sql.test.ts is the one test of shared/domain/carried-by.ts's SQL form (in-memory SQLite).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/gps/fix-filter*.test.ts', 'server/gps/geofence-machine*.test.ts', 'server/gps/gps-pipeline.test.ts', 'server/alerts/roles.test.ts', 'server/alerts/alert-scheduler.test.ts', 'main/db/queries/carried-by-sql.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
