import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeGypScript } from '../../scripts/node-gyp.mjs';

const root = join(import.meta.dirname, '..', '..');

describe('node-gyp for the desktop build of better-sqlite3', () => {
  it('is pinned to an exact version in devDependencies, and that is the copy the start script runs', () => {
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['node-gyp'] as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const { script, problem } = nodeGypScript({});
    expect(problem).toBeNull();
    expect(script).toBe(join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
    expect(execFileSync(process.execPath, [script!, '--version'], { encoding: 'utf8' }).trim()).toBe(`v${pinned}`);
  });

  it('is never fetched at run time', () => {
    const start = readFileSync(join(root, 'scripts', 'start.mjs'), 'utf8');
    expect(start).not.toMatch(/npx/);
    expect(start).toContain('nodeGypScript()');
  });
});
