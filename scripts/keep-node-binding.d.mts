/** Types for keep-node-binding.mjs (a plain script run by Node, imported by the tests). */
export function withNodeBindingKept<T>(binding: string, run: () => T): T;
