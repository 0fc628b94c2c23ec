// `npm run dev [-- serve flags]`: the development loop in a browser.
// - serve mode runs from the sources under `tsx watch`, restarted on every main-process change;
// - the console page comes from Vite's dev server, reloaded on every renderer change;
// - Vite proxies /api (calls and the event stream) to serve mode, so the page keeps one origin.
// The token is made here and handed to serve mode through its environment (never argv, which
// `ps` shows); the printed URL carries it once, as serve mode's own does on a terminal.
// For the desktop window where Electron exists: `npm run dev:desktop` (electron-vite dev).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '.gatewatch-dev') },
    'webhook-port': { type: 'string', default: '8787' },
    'console-port': { type: 'string', default: '8788' },
    'page-port': { type: 'string', default: '5173' },
  },
  strict: true,
});
const token = process.env.GATEWATCH_TOKEN ?? randomBytes(24).toString('base64url');
const api = `http://127.0.0.1:${values['console-port']}`;

const serve = spawn(
  process.execPath,
  [
    join(root, 'node_modules/tsx/dist/cli.mjs'),
    'watch',
    '--clear-screen=false',
    join(root, 'src-main/serve/cli.ts'),
    '--data',
    values.data,
    '--webhook-port',
    values['webhook-port'],
    '--console-port',
    values['console-port'],
  ],
  // No renderer dir: the page is Vite's; serve mode answers the API only.
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GATEWATCH_TOKEN: token, GATEWATCH_RENDERER_DIR: '' } },
);

const page = await createServer({
  configFile: false,
  root: join(root, 'src-renderer'),
  logLevel: 'info',
  server: {
    host: '127.0.0.1',
    port: Number(values['page-port']),
    strictPort: true,
    // The API and sign-in (whose session cookie then belongs to this page's origin).
    proxy: Object.fromEntries(
      ['/api', '/auth'].map((path) => [
        path,
        {
          target: api,
          changeOrigin: true,
          // Serve mode accepts only its own origin (a page elsewhere must not drive it): the
          // proxy speaks for this page, which is on loopback too.
          configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', api)),
        },
      ]),
    ),
  },
});
await page.listen();
const pageUrl = `http://127.0.0.1:${page.config.server.port}`;
console.log(`gatewatch dev: console page  ${pageUrl}/?token=${encodeURIComponent(token)}`);
console.log(`gatewatch dev: webhook URL   http://127.0.0.1:${values['webhook-port']}/webhooks/<provider>   (data: ${values.data})`);

let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  serve.kill('SIGTERM');
  await page.close();
  process.exit(code);
};
serve.on('exit', (code) => void stop(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
