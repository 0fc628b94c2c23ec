/** One step of the PostgreSQL schema: SQL run in its own transaction, then recorded. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}
