import { createRequire } from 'node:module';
import type { ElectronMainApi } from './electron-api.js';
import { startDesktopApp } from './desktop-app.js';
import { logFileIn, RotatingFileLog } from '../log/rotating-file-log.js';

// Loaded through require so that this layer compiles where Electron's package is absent.
const electron = createRequire(import.meta.url)('electron') as ElectronMainApi;

const toTerminal = (message: string) => console.error(`gatewatch: ${message}`);

void startDesktopApp(electron, {
  builtDir: new URL('./', import.meta.url),
  env: process.env,
  // Replaced at build time: true only under `electron-vite dev`.
  developmentBuild: import.meta.env.DEV === true,
  log: toTerminal,
  openLogFile: (dataDir) =>
    new RotatingFileLog({
      file: logFileIn(dataDir),
      onError: (error) => toTerminal(`cannot write the log file ${logFileIn(dataDir)} (${error.message}); logging to the terminal only`),
    }),
});
