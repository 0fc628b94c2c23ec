// `npm start`: the desktop app where Electron's binary and a display exist; otherwise serve
// mode, said in one line. The desktop app needs better-sqlite3 built for Electron's ABI: it is
// built once per Electron version into .desktop-native/, beside the Node build that serve mode
// and the tests use, so neither breaks the other.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeGypScript } from './node-gyp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the electron package exports its binary's path under Node
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function whyNoDesktop() {
  if (!electronBinary()) return "Electron's binary is not installed";
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  return null;
}

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root, ...options }).status === 0;
}

/** better-sqlite3 compiled for this Electron (prebuilt download first, then node-gyp). */
function electronNativeBinding() {
  const version = require('electron/package.json').version;
  const dir = join(root, '.desktop-native', `electron-${version}`, 'better-sqlite3');
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
  cpSync(join(root, 'node_modules', 'better-sqlite3'), dir, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  const target = ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`];
  const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target], { cwd: dir });
  if (!prebuilt) {
    const nodeGyp = nodeGypScript();
    if (!nodeGyp.script) throw new Error(`Could not build better-sqlite3 for Electron: ${nodeGyp.problem}`);
    const ok = run(process.execPath, [nodeGyp.script, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], { cwd: dir });
    if (!ok) throw new Error('Could not build better-sqlite3 for Electron (see the output above).');
  }
  return binding;
}

const reason = whyNoDesktop();
if (reason) {
  console.log(`Gatewatch: ${reason}, so the desktop window cannot open; starting serve mode instead (open the console URL below).`);
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const env = { ...process.env, GATEWATCH_NATIVE_BINDING: electronNativeBinding() };
  const child = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview', ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
