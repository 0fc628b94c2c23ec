// `npm run bench`: builds serve mode (the ingest and memory figures run the built app), then
// runs bench/run.ts. Settings through the environment: BENCH_DELIVERIES, BENCH_INGEST_REQUESTS…
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The UI figures drive Debian's Chromium, as the end-to-end tests do.
const chromium = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')], { cwd: root, stdio: 'inherit' });
if (chromium.status !== 0) process.exit(chromium.status ?? 1);
const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/run.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
