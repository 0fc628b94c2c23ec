/** What a console keeps at rest, read as bytes: the files of its data dir, and its store's rows when the store lives elsewhere. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestConsole } from './console.js';

/** Every file of a directory, by name. */
export function filesOf(dir: string): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** The data dir's files, and (PostgreSQL) every table's rows. */
export async function storedBytes(gw: TestConsole): Promise<Array<{ name: string; bytes: Buffer }>> {
  return [...filesOf(gw.dataDir), ...(gw.opened ? await gw.opened.contents() : [])];
}
