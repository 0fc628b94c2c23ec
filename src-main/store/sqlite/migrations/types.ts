import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Moves existing rows where SQL alone cannot (re-encoding them in JavaScript); runs after
   * `sql`, in the same transaction.
   */
  data?(db: Database.Database): void;
}
