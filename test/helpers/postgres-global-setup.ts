/**
 * One throwaway PostgreSQL cluster for a whole test run (vitest globalSetup): each test file
 * then makes databases of its own in it (test/helpers/postgres-databases.ts). Where the server's
 * binaries are missing, the PostgreSQL side of the store tests is skipped, and this says so once.
 */
import type { TestProject } from 'vitest/node';
import { postgresBinaries, startPostgres, type PostgresCluster } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared cluster's admin URL, or null (with why) when there is none. */
    postgres: { url: string | null; missing: string | null };
  }
}

let cluster: PostgresCluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  const bins = postgresBinaries();
  if ('missing' in bins) {
    console.warn(`\nStore tests on PostgreSQL skipped: ${bins.missing}. They run on SQLite only.\n`);
    project.provide('postgres', { url: null, missing: bins.missing });
    return;
  }
  cluster = await startPostgres({ durable: false });
  project.provide('postgres', { url: cluster.url, missing: null });
}

export function teardown(): void {
  cluster?.destroy();
  cluster = null;
}
