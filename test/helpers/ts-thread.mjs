// Starts a worker thread from a TypeScript source (tests run the sources, not the build): the
// thread's script is given as the last argv entry.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
