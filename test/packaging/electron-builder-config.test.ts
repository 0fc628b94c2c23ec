/**
 * The desktop packaging configuration (electron-builder.config.cjs). Building a package needs
 * Electron's binary, which cannot be had here, so this checks the configuration with
 * electron-builder's own pieces instead: its JSON schema, its fuse mapping, its file matchers
 * and its node_modules collector (which runs `npm list` on this project).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Stats } from 'node:fs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import Ajv from 'ajv';
import type { Configuration, PlatformSpecificBuildOptions } from 'electron-builder';
import { PlatformPackager } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getCollectorByPackageManager, PM } from 'app-builder-lib/out/node-module-collector';
import { TmpDir } from 'builder-util';
import { FuseV1Options } from '@electron/fuses';
import electronViteConfig from '../../electron.vite.config.js';
import { THREAD_SCRIPTS } from '../../src-main/app/default-deps.js';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(join(root, 'electron-builder.config.cjs')) as Configuration;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

const platforms = { linux: config.linux!, mac: config.mac!, win: config.win! };
type Filter = (file: string, stat: Stats) => boolean;
const aFile = (moduleFullFilePath?: string) => ({ isDirectory: () => false, isFile: () => true, moduleFullFilePath }) as unknown as Stats;

/** electron-builder's filter for `files` (or `asarUnpack`) of a platform, over paths relative to the project. */
function matcherFor(name: 'files' | 'asarUnpack', platform: PlatformSpecificBuildOptions): (path: string) => boolean {
  const matchers = getFileMatchers(config, name, '/package/app', {
    macroExpander: (pattern) => pattern,
    customBuildOptions: platform,
    globalOutDir: join(root, config.directories!.output!),
    defaultSrc: root,
  });
  expect(matchers).toHaveLength(1);
  const filter = matchers![0]!.createFilter() as Filter;
  // Files of node_modules are matched by their path inside the package, as electron-builder's copier gives it.
  return (path) => filter(join(root, path), aFile(path.startsWith('node_modules/') ? path : undefined));
}

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's JSON schema, which refuses a misspelt option", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    // No type coercion (electron-builder coerces): a string where a boolean belongs is an error here.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...config, electronFuse: config.electronFuses })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
  });

  it('flips the fuses: RunAsNode off, cookie encryption on, ASAR integrity validation on, the app only from the ASAR', async () => {
    // electron-builder's own mapping from these options to @electron/fuses' wires.
    const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<Record<number, boolean>> }).generateFuseConfig;
    const wires = await generate.call(null, config.electronFuses);
    expect(wires[FuseV1Options.RunAsNode]).toBe(false);
    expect(wires[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(wires[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(wires[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    // And the ones an app served from app:// does not need either.
    expect(wires[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(wires[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(wires[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    // An unsigned arm64 Mac build still launches once the fuses are flipped.
    expect((wires as { resetAdHocDarwinSignature?: boolean }).resetAdHocDarwinSignature).toBe(true);
    // ASAR integrity needs the app in an asar.
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb on Linux, dmg on macOS and nsis on Windows, as io.gatewatch.console with the icons in resources/', () => {
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.mac!.target).toEqual(['dmg']);
    expect(config.win!.target).toEqual(['nsis']);
    expect(config.appId).toBe('io.gatewatch.console');
    expect(config.productName).toBe('Gatewatch');
    expect(config.directories!.buildResources).toBe('resources');
    expect(readdirSync(join(root, config.linux!.icon!)).sort()).toEqual([
      '128x128.png',
      '16x16.png',
      '256x256.png',
      '32x32.png',
      '48x48.png',
      '512x512.png',
      '64x64.png',
    ]);
    for (const icon of [config.mac!.icon!, config.win!.icon!]) expect(existsSync(join(root, icon)), icon).toBe(true);
    // A .deb is refused without these.
    expect(config.linux!.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect((config.extraMetadata as { homepage?: string }).homepage).toMatch(/^https:\/\//);
  });

  it('packages only out/ and package.json of the project: no sources, tests, scripts, docs or source maps', () => {
    const projectFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const built = [
      'out/main/index.js',
      'out/main/serve.js',
      'out/main/derive-thread.js',
      'out/main/checkpoint-thread.js',
      'out/main/chunks/registry-abc123.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
      'out/renderer/assets/index-abc123.css',
    ];
    expect(projectFiles.some((file) => file.startsWith('src-main/'))).toBe(true);
    for (const [platform, options] of Object.entries(platforms)) {
      const packaged = matcherFor('files', options);
      expect([...projectFiles, ...built].filter(packaged).sort(), platform).toEqual([...built, 'package.json'].sort());
      expect(packaged('out/main/index.js.map'), platform).toBe(false);
    }
  });

  it('ships the thread scripts next to the main entry, inside the asar, and unpacks better-sqlite3 from it', () => {
    // The main build emits them beside index.js; createGatewatchDeps looks for them beside the entry.
    const main = (electronViteConfig as { main: { build: { outDir: string; rollupOptions: { input: Record<string, string> } } } }).main.build;
    expect(resolve(main.outDir)).toBe(join(root, 'out/main'));
    expect(pkg.main).toBe('out/main/index.js');
    expect(Object.keys(main.rollupOptions.input).map((name) => `${name}.js`)).toEqual(
      expect.arrayContaining(['index.js', THREAD_SCRIPTS.derive, THREAD_SCRIPTS.checkpoint]),
    );
    const unpacked = matcherFor('asarUnpack', {});
    for (const [platform, options] of Object.entries(platforms)) {
      const packaged = matcherFor('files', options);
      for (const script of Object.values(THREAD_SCRIPTS)) {
        expect(packaged(`out/main/${script}`), `${platform}: ${script}`).toBe(true);
        // Electron reads worker scripts from the asar; unpacked, the ASAR integrity check would not cover them.
        expect(unpacked(`out/main/${script}`), script).toBe(false);
      }
    }
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(unpacked('node_modules/zod/package.json')).toBe(false);
  });

  it('rebuilds better-sqlite3 for Electron: a production dependency, with npmRebuild (@electron/rebuild) on', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(config.npmRebuild).not.toBe(false);
    expect(config.nodeGypRebuild).not.toBe(true);
    // electron-builder refuses Electron among the dependencies; an optional one is allowed.
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.optionalDependencies.electron).toBeDefined();
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    const dist = readFileSync(join(root, 'scripts/dist.mjs'), 'utf8');
    expect(dist).toContain("'--config', 'electron-builder.config.cjs'");
    expect(dist).toContain("['build']");
  });

  it("packages of node_modules only the main process's packages: not Electron, its downloader or the renderer's libraries", async () => {
    // What electron-builder would copy: its npm collector (`npm list` here), then its node_modules filter from `files`.
    const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as {
      getNodeModuleFileMatcher(
        appDir: string,
        destination: string,
        expand: (p: string) => string,
        options: PlatformSpecificBuildOptions,
        packager: unknown,
      ): { createFilter(): Filter };
    };
    const tmp = new TmpDir('gatewatch-packaging-test');
    try {
      const { nodeModules } = await getCollectorByPackageManager(PM.NPM, root, tmp).getNodeModules({ packageName: 'gatewatch' });
      const collected = nodeModules.map((module) => module.name);
      expect(collected).toEqual(expect.arrayContaining(['better-sqlite3', 'zod', 'react']));
      for (const [platform, options] of Object.entries(platforms)) {
        const filter = getNodeModuleFileMatcher(root, '/package/app', (p) => p, options, { config, debugLogger: { isEnabled: false } }).createFilter();
        const kept = collected.filter((name) => filter(join(root, 'node_modules', name, 'package.json'), aFile(`node_modules/${name}/package.json`)));
        expect(kept.sort(), platform).toEqual(mainProcessPackages().sort());
      }
    } finally {
      await tmp.cleanup();
    }
  }, 120_000);

  it('lists every package the main build imports at run time, with what they load', () => {
    // The import graph from the main build's entries (the desktop entry, serve mode, the threads).
    const entries = Object.values(
      (electronViteConfig as { main: { build: { rollupOptions: { input: Record<string, string> } } } }).main.build.rollupOptions.input,
    );
    const imported = new Set<string>();
    const seen = new Set<string>();
    const builtin = new Set(builtinModules);
    const visitSource = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (specifier.startsWith('.')) {
          visitSource(resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
          continue;
        }
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        // Electron gives the electron module itself; Node its built-ins.
        if (!name.startsWith('node:') && !builtin.has(name) && name !== 'electron') imported.add(name);
      }
    };
    for (const entry of entries) visitSource(entry);
    expect(seen.size).toBeGreaterThan(50);
    // Their dependencies, but not better-sqlite3's installer.
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name) || name === 'prebuild-install') return;
      needed.add(name);
      const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
    };
    for (const name of imported) visit(name);
    expect([...needed].sort()).toEqual(mainProcessPackages().sort());
  });
});

/** The packages the configuration keeps of node_modules (its `!node_modules/!(a|b|…)/**` pattern). */
function mainProcessPackages(): string[] {
  const pattern = (config.files as string[]).map((p) => /^!node_modules\/!\((.+)\)\/\*\*$/.exec(p)).find(Boolean);
  expect(pattern, 'files keeps a list of node_modules packages').toBeTruthy();
  return pattern![1]!.split('|');
}
