/**
 * `npm run dist`: electron-builder rebuilds better-sqlite3 for Electron in node_modules; the Node
 * build that serve mode and the tests load is kept aside and put back, whatever happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withNodeBindingKept } from '../../scripts/keep-node-binding.mjs';
import { tempDir } from '../helpers/temp.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

function nodeBuild(): string {
  const dir = tempDir('gatewatch-binding-');
  dirs.push(dir);
  const binding = join(dir.path, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(dirname(binding), { recursive: true });
  writeFileSync(binding, 'built for Node');
  return binding;
}

describe('withNodeBindingKept', () => {
  it('puts the Node build back after the packager replaced it, and returns what the packager returned', () => {
    const binding = nodeBuild();
    const result = withNodeBindingKept(binding, () => {
      writeFileSync(binding, 'built for Electron');
      return 'packaged';
    });
    expect(result).toBe('packaged');
    expect(readFileSync(binding, 'utf8')).toBe('built for Node');
  });

  it('puts it back when the packager failed, or removed the whole build folder', () => {
    const binding = nodeBuild();
    expect(() =>
      withNodeBindingKept(binding, () => {
        rmSync(join(dirname(binding), '..'), { recursive: true });
        throw new Error('electron-builder failed');
      }),
    ).toThrow('electron-builder failed');
    expect(readFileSync(binding, 'utf8')).toBe('built for Node');
  });

  it('only runs the packager when there is no Node build to keep', () => {
    const binding = join(dirname(nodeBuild()), 'missing.node');
    expect(withNodeBindingKept(binding, () => 7)).toBe(7);
    expect(existsSync(binding)).toBe(false);
  });
});
