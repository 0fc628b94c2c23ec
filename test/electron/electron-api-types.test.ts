/**
 * The Electron layer is typed by hand (src-main/electron/electron-api.ts) so that it checks and
 * is unit-tested without Electron. This compiles the real Electron module against those
 * declarations: when an Electron upgrade renames or retypes a member the app uses, this fails.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { electronTypesPath, pinnedElectronVersion } from '../helpers/electron-types.js';

const root = resolve(import.meta.dirname, '../..');
const apiFile = join(root, 'src-main/electron/electron-api.ts');

/** Type errors of `source` compiled with the real electron.d.ts as the module 'electron'. */
function diagnosticsOf(source: string, electronDts: string): string[] {
  const checkFile = join(root, 'test/electron/__electron-api-check.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    baseUrl: root,
    paths: { electron: [electronDts] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (resolve(name) === checkFile ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === checkFile || fileExists(name);
  const program = ts.createProgram([checkFile], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || resolve(d.file.fileName) === checkFile || resolve(d.file.fileName) === apiFile)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const types = electronTypesPath();

describe(`the hand-typed Electron API against electron@${pinnedElectronVersion()}'s own types`, () => {
  it.skipIf('unavailable' in types)(
    `matches what the app uses${'unavailable' in types ? ` (skipped: ${types.unavailable})` : ''}`,
    () => {
      const dts = (types as { path: string }).path;
      const check = `
      import * as electron from 'electron';
      import type { ElectronMainApi, ElectronPreloadApi } from ${JSON.stringify(apiFile.replace(/\.ts$/, '.js'))};
      // The real module must offer every member the app calls, with types the app's calls fit.
      export const main: ElectronMainApi = electron;
      export const preload: ElectronPreloadApi = electron;
    `;
      expect(diagnosticsOf(check, dts)).toEqual([]);
    },
    60_000,
  );

  it.skipIf('unavailable' in types)(
    'fails when a hand-typed member does not exist in Electron',
    () => {
      const dts = (types as { path: string }).path;
      const check = `
      import * as electron from 'electron';
      import type { ElectronMainApi } from ${JSON.stringify(apiFile.replace(/\.ts$/, '.js'))};
      type Drifted = ElectronMainApi & { app: { relaunchInSafeMode(): void } };
      export const main: Drifted = electron;
    `;
      const errors = diagnosticsOf(check, dts);
      expect(errors.join('\n')).toMatch(/relaunchInSafeMode/);
    },
    60_000,
  );
});
