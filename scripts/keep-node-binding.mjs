// electron-builder rebuilds native dependencies for Electron's ABI in place, in node_modules
// (@electron/rebuild, its default `npmRebuild`). better-sqlite3's Node build would be replaced,
// and serve mode and the tests could no longer load it: this keeps the Node build aside while
// the packager runs, and puts it back afterwards, whatever happened.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs `run` and then restores `binding` (a native module file) as it was before; returns what `run` returned. */
export function withNodeBindingKept(binding, run) {
  if (!existsSync(binding)) return run();
  const aside = mkdtempSync(join(tmpdir(), 'gatewatch-node-binding-'));
  const kept = join(aside, 'binding.node');
  copyFileSync(binding, kept);
  try {
    return run();
  } finally {
    // The rebuild may have removed the whole build folder.
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(kept, binding);
    rmSync(aside, { recursive: true, force: true });
  }
}
