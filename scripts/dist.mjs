// `npm run dist [-- electron-builder flags]`: the desktop packages in dist/. electron-vite builds
// out/, then electron-builder packages it with electron-builder.config.cjs (for this platform by
// default: AppImage and deb on Linux, dmg on macOS, nsis on Windows; `-- --linux` etc. to choose).
// It needs Electron's binary (downloaded by electron-builder) and, for better-sqlite3, a prebuilt
// binary for Electron or python3, make and a C++ compiler.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withNodeBindingKept } from './keep-node-binding.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = (script, args) => spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' }).status === 0;

if (!node('node_modules/electron-vite/bin/electron-vite.js', ['build'])) process.exit(1);
// electron-builder rebuilds better-sqlite3 for Electron in node_modules; serve mode and the tests keep the Node build.
const packaged = withNodeBindingKept(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), () =>
  node('node_modules/electron-builder/cli.js', ['--config', 'electron-builder.config.cjs', ...process.argv.slice(2)]),
);
process.exit(packaged ? 0 : 1);
