// node-gyp for building better-sqlite3 against Electron's headers: the copy pinned in
// devDependencies, never one fetched at run time (`npx --yes` would run whatever the registry
// serves that day). npm's bundled copy is the fallback when dev dependencies were left out.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The node-gyp script to run with `node`, or null with the reason in words. */
export function nodeGypScript(env = process.env) {
  try {
    return { script: require.resolve('node-gyp/bin/node-gyp.js'), problem: null };
  } catch {
    const bundled = env.npm_config_node_gyp;
    if (bundled && existsSync(bundled)) return { script: bundled, problem: null };
    return { script: null, problem: 'node-gyp is not installed: run `npm install` (with dev dependencies) first.' };
  }
}
