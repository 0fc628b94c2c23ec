import { createRequire } from 'node:module';
import type { ElectronMainApi } from './electron-api.js';
import { startDesktopApp } from './desktop-app.js';

// Loaded through require so that this layer compiles where Electron's package is absent.
const electron = createRequire(import.meta.url)('electron') as ElectronMainApi;

void startDesktopApp(electron, {
  builtDir: new URL('./', import.meta.url),
  env: process.env,
  // Replaced at build time: true only under `electron-vite dev`.
  developmentBuild: import.meta.env.DEV === true,
  log: (message) => console.error(`gatewatch: ${message}`),
});
