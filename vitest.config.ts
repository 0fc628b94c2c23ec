import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // Node by default. A test that needs the DOM says so at its top
          // (`// @vitest-environment happy-dom`); test/architecture/layers.test.ts checks that
          // every test rendering components does.
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          pool: 'forks',
          // One throwaway PostgreSQL for the run: the store tests run on it as well as on SQLite.
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
