// @ts-check
/**
 * The desktop packages, built by `npm run dist` (scripts/dist.mjs: electron-vite build, then
 * electron-builder with this file). test/packaging/electron-builder-config.test.ts validates it
 * against electron-builder's schema and checks the choices below.
 *
 * - Only the build goes in: out/ (main, the thread scripts, preload, renderer) and package.json,
 *   and of node_modules only what the main process loads at run time (MAIN_PROCESS_PACKAGES).
 *   electron-builder would add every production and optional dependency: Electron itself (an
 *   optional dependency here, so that installs without its binary succeed) with its downloader,
 *   and the renderer's libraries, which Vite has already bundled into out/renderer.
 * - better-sqlite3 is rebuilt for Electron's ABI (npmRebuild, electron-builder's default, runs
 *   @electron/rebuild: a prebuilt binary when one exists, else node-gyp) and unpacked from the
 *   asar: a native module must be a real file to be loaded.
 * - The thread scripts (out/main/derive-thread.js, checkpoint-thread.js) stay in the asar: since
 *   Electron 17 worker threads get the same asar support as the main thread (`new Worker()` and
 *   their imports read from app.asar), and inside it they are covered by the ASAR integrity check.
 *   Should a thread still fail to start, derivation and checkpoints run in the main thread and
 *   the log says so.
 * - Fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; cookies encrypted; the app only
 *   from app.asar, whose integrity is checked (macOS, and Windows from Electron 30; Linux has no
 *   such check); no extra privileges for file:// (the console is served from app://).
 */
/**
 * The packages out/main loads (electron-vite leaves `dependencies` external; test/packaging
 * checks this list against the imports of src-main and the packages' own dependencies).
 * better-sqlite3's prebuild-install is left out: it only installs.
 */
const MAIN_PROCESS_PACKAGES = [
  'better-sqlite3',
  'bindings',
  'file-uri-to-path',
  // node-postgres and what it loads: the main build holds the team server's store (pure JavaScript).
  'pg',
  'pg-connection-string',
  'pg-int8',
  'pg-pool',
  'pg-protocol',
  'pg-types',
  'pgpass',
  'postgres-array',
  'postgres-bytea',
  'postgres-date',
  'postgres-interval',
  'split2',
  'xtend',
  'zod',
];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'io.gatewatch.console',
  productName: 'Gatewatch',
  directories: { buildResources: 'resources', output: 'dist' },
  files: ['out/**', 'package.json', '!**/*.map', `!node_modules/!(${MAIN_PROCESS_PACKAGES.join('|')})/**`],
  asar: true,
  asarUnpack: ['node_modules/better-sqlite3/**'],
  npmRebuild: true,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    // Flipping fuses breaks the ad-hoc signature an Apple Silicon Mac requires: re-sign ad hoc
    // (a build with a signing identity is then signed properly right after).
    resetAdHocDarwinSignature: true,
  },
  // A .deb needs a homepage and a maintainer: placeholders until the project has real ones.
  extraMetadata: { homepage: 'https://gatewatch.invalid' },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    category: 'Development',
    executableName: 'gatewatch',
    maintainer: 'Gatewatch <gatewatch@gatewatch.invalid>',
    synopsis: 'Operations console for payment-gateway webhooks',
  },
  mac: {
    target: ['dmg'],
    icon: 'resources/icon.png',
    category: 'public.app-category.developer-tools',
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icon.png',
  },
  nsis: {
    // Per user, no administrator rights needed; the user may choose the folder.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

module.exports = config;
