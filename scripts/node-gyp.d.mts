/** Types for node-gyp.mjs (a plain script run by Node, imported by the tests). */
export function nodeGypScript(env?: NodeJS.ProcessEnv): { script: string; problem: null } | { script: null; problem: string };
