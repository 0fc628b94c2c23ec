/**
 * The architecture's forbidden arrows, read from the import graph of the sources: the compiler
 * holds the runtime layers (tsconfig.<layer>.json), this test holds who may import whom.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const isSource = (name: string) => /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts');

/** An import as written, and the project file it points at when it is relative. */
interface ImportArrow {
  from: string;
  specifier: string;
  target: string | null;
}

function importsOf(file: string): ImportArrow[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
  return found.map((specifier) => ({
    from: file,
    specifier,
    target: specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : null,
  }));
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0]!);
const under = (path: string | null, folder: string) => path !== null && (path === folder || path.startsWith(`${folder}/`));

/** Each rule names the files it governs and says in words why an arrow is wrong. */
const rules: Array<{ name: string; governs: (file: string) => boolean; forbids: (arrow: ImportArrow) => string | null }> = [
  {
    name: 'src-shared imports nothing outside itself but zod',
    governs: (file) => under(file, 'src-shared'),
    forbids: (a) => (a.target === null ? (a.specifier === 'zod' ? null : 'a package') : under(a.target, 'src-shared') ? null : 'another layer'),
  },
  {
    name: 'src-renderer never imports src-main, Node or Electron',
    governs: (file) => under(file, 'src-renderer'),
    forbids: (a) =>
      under(a.target, 'src-main')
        ? 'main-process code'
        : isNodeBuiltin(a.specifier)
          ? 'a Node module'
          : ['electron', 'better-sqlite3', 'pg'].includes(a.specifier)
            ? 'a main-process package'
            : null,
  },
  {
    name: 'only src-main/electron imports electron',
    governs: (file) => under(file, 'src-main') && !under(file, 'src-main/electron'),
    forbids: (a) => (a.specifier === 'electron' ? 'electron' : under(a.target, 'src-main/electron') ? 'the Electron layer' : null),
  },
  {
    name: 'services never import serve mode',
    governs: (file) => under(file, 'src-main') && !under(file, 'src-main/serve') && !under(file, 'src-main/electron'),
    forbids: (a) => (under(a.target, 'src-main/serve') ? 'serve mode' : null),
  },
  {
    name: 'no source imports tests',
    governs: (file) => !under(file, 'test'),
    forbids: (a) => (under(a.target, 'test') ? 'a test file' : null),
  },
];

const sources = ['src-shared', 'src-main', 'src-renderer'].flatMap((dir) => filesUnder(dir, isSource));

/** The arrows the rules forbid, as "file → import (what it is): rule" lines. */
function forbiddenArrows(files: readonly string[], arrowsOf: (file: string) => ImportArrow[] = importsOf): string[] {
  const broken: string[] = [];
  for (const file of files) {
    for (const arrow of arrowsOf(file)) {
      for (const rule of rules) {
        if (!rule.governs(file)) continue;
        const what = rule.forbids(arrow);
        if (what) broken.push(`${file} → ${arrow.specifier} (${what}): ${rule.name}`);
      }
    }
  }
  return broken;
}

describe('layers', () => {
  it('reads a real import graph', () => {
    expect(sources.length).toBeGreaterThan(100);
    const arrows = sources.flatMap((file) => importsOf(file));
    expect(arrows.filter((a) => a.target !== null).length).toBeGreaterThan(300);
  });

  it('has no arrow the architecture forbids', () => {
    expect(forbiddenArrows(sources)).toEqual([]);
  });

  it('catches each forbidden arrow', () => {
    const planted = (from: string, specifier: string): ImportArrow[] => [
      { from, specifier, target: specifier.startsWith('.') ? relative(root, resolve(root, dirname(from), specifier)) : null },
    ];
    const cases: Array<[string, string]> = [
      ['src-renderer/features/inbox/InboxPage.tsx', 'node:fs'],
      ['src-renderer/features/inbox/InboxPage.tsx', '../../../src-main/store/ids.js'],
      ['src-main/services/audit.ts', 'electron'],
      ['src-main/services/audit.ts', '../electron/window.js'],
      ['src-main/services/audit.ts', '../serve/api-server.js'],
      ['src-shared/contract/index.ts', '../../src-main/store/ids.js'],
      ['src-shared/contract/index.ts', 'react'],
    ];
    for (const [from, specifier] of cases)
      expect(
        forbiddenArrows([from], () => planted(from, specifier)),
        `${from} → ${specifier}`,
      ).toHaveLength(1);
    // And the arrows the architecture wants stay allowed.
    expect(forbiddenArrows(['src-main/electron/main.ts'], () => planted('src-main/electron/main.ts', 'electron'))).toEqual([]);
    expect(forbiddenArrows(['src-main/serve/cli.ts'], () => planted('src-main/serve/cli.ts', '../app/gatewatch.js'))).toEqual([]);
  });
});

describe('test environments', () => {
  it('every test that renders components says it needs the DOM', () => {
    const tests = filesUnder('test', (name) => /\.test\.tsx?$/.test(name)).filter((file) => !under(file, 'test/e2e'));
    const rendersComponents = (text: string) => /@testing-library\/react|from '[./]+\/(?:renderer\/render-with|replay\/render)\.js'/.test(text);
    const missing = tests.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return rendersComponents(text) && !/^\s*\/\/ @vitest-environment happy-dom/m.test(text.split('\n').slice(0, 3).join('\n'));
    });
    expect(tests.length).toBeGreaterThan(50);
    expect(missing, 'add `// @vitest-environment happy-dom` as the first line').toEqual([]);
  });
});
