import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Starts a throwaway PostgreSQL server (or explains why PostgreSQL suites are skipped).
    globalSetup: ['test/setup/global-postgres.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // Sized for a 2-core machine: child processes (native better-sqlite3 is happier there than in
    // worker threads), at most two at a time; PostgreSQL and Chromium need CPU too.
    pool: 'forks',
    maxWorkers: 2,
    // Print slow tests only when they are really slow (database suites are slow by nature).
    slowTestThreshold: 5_000,
  },
});
