/**
 * The real `electron.d.ts` of the Electron version the lockfile pins. Electron is an optional
 * dependency whose install fails where its binary cannot be downloaded (as here), and npm then
 * removes the whole package, types included: the package itself (no binary) is fetched from the
 * npm registry into node_modules/.cache once instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function pinnedElectronVersion(): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages['node_modules/electron']?.version;
  if (!version) throw new Error('package-lock.json pins no electron version');
  return version;
}

/** The path of electron.d.ts, or a sentence saying why it could not be had. */
export function electronTypesPath(): { path: string } | { unavailable: string } {
  const version = pinnedElectronVersion();
  try {
    const installed = createRequire(join(root, 'package.json')).resolve('electron/electron.d.ts');
    const installedVersion = JSON.parse(readFileSync(join(installed, '../package.json'), 'utf8')).version;
    if (installedVersion === version) return { path: installed };
  } catch {
    // not installed: fetched below
  }
  const cache = join(root, 'node_modules/.cache/gatewatch-electron-types', version);
  const path = join(cache, 'package/electron.d.ts');
  if (existsSync(path)) return { path };
  try {
    mkdirSync(cache, { recursive: true });
    execFileSync('npm', ['pack', `electron@${version}`, '--pack-destination', cache, '--silent'], { cwd: cache, stdio: 'pipe', timeout: 60_000 });
    const tarball = readdirSync(cache).find((name) => name.endsWith('.tgz'));
    if (!tarball) return { unavailable: `npm pack electron@${version} left no tarball` };
    execFileSync('tar', ['-xzf', tarball, 'package/electron.d.ts'], { cwd: cache, stdio: 'pipe' });
    return { path };
  } catch (error) {
    return { unavailable: `electron@${version} could not be fetched from the npm registry: ${(error as Error).message.split('\n')[0]}` };
  }
}
