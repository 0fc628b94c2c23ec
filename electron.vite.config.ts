import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// The project layout (src-main, src-renderer, src-shared) is not electron-vite's default
// (src/main, src/preload, src/renderer): every entry is named here.
const root = import.meta.dirname;

// electron-vite reads Electron's version to pick the build target. Where Electron's optional
// package could not be installed (no binary download), take the major version we depend on,
// so serve mode and the tests can still build everything.
try {
  createRequire(import.meta.url).resolve('electron/package.json');
} catch {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  process.env.ELECTRON_MAJOR_VER ??= /\d+/.exec(pkg.optionalDependencies.electron)![0];
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          serve: resolve(root, 'src-main/serve/cli.ts'),
          // Started by the two entries above as a worker thread, from next to them.
          'derive-thread': resolve(root, 'src-main/pipeline/derive-thread.ts'),
          'checkpoint-thread': resolve(root, 'src-main/store/sqlite/checkpoint-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require nothing but 'electron': bundle every dependency in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        // A sandboxed preload cannot load ES modules or other files: one CommonJS bundle.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The page is parsed at every start of the console: ship it small.
      minify: true,
      // One bundle on purpose (a local app, no network between it and its page).
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
        onwarn(warning, warn) {
          // React Query marks its modules "use client"; meaningless outside server components.
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
