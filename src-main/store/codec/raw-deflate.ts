import { DeflateRaw, constants, deflateRawSync } from 'node:zlib';

/*
 * Raw deflate with a preset dictionary, byte for byte what `deflateRawSync(plain, { dictionary })`
 * gives, at about half its CPU on a stored form of a few KB: deflateRawSync builds a whole stream
 * object (EventEmitter, readable and writable state) and a fresh 16 KB output buffer around one
 * native zlib call, and that garbage cost more than the deflate itself. Here the native zlib
 * handle node:zlib uses is driven directly: a fresh one per call (a reset handle would not give
 * the same bytes: zlib's window keeps stale bytes that a fresh one has zeroed), writing into one
 * reused output buffer. The handle is node:zlib's internal API, so it is checked against
 * deflateRawSync once when loaded, and anything unexpected falls back to deflateRawSync.
 */

interface NativeDeflate {
  onerror: (message: string) => void;
  init(windowBits: number, level: number, memLevel: number, strategy: number, writeState: Uint32Array, callback: () => void, dictionary: Buffer): void;
  writeSync(flush: number, input: Buffer, inOffset: number, inLength: number, output: Buffer, outOffset: number, outLength: number): void;
  close(): void;
}

type NativeDeflateClass = new (mode: number) => NativeDeflate;

/** node:zlib's defaults for deflateRawSync: what the stored forms were written with. */
const WINDOW_BITS = 15;
const LEVEL = constants.Z_DEFAULT_COMPRESSION;
const MEM_LEVEL = 8;
const STRATEGY = constants.Z_DEFAULT_STRATEGY;
/** Output buffers up to this size are kept for the next call; a larger form gets deflateRawSync. */
const KEPT_OUTPUT_BYTES = 1024 * 1024;

const writeState = new Uint32Array(2);
const ignoreAsyncDone = () => {};
let output = Buffer.allocUnsafe(64 * 1024);

/**
 * The Node.js lines whose native zlib handle takes exactly these arguments: Node 20 (these
 * machines) and 22 (Electron 39). A handle called with the wrong arity aborts the process (a
 * native CHECK, not an exception), so any other line uses deflateRawSync until it is checked.
 */
const CHECKED_NODE_MAJORS = new Set([20, 22]);

function nativeDeflateClass(): NativeDeflateClass | undefined {
  if (!CHECKED_NODE_MAJORS.has(Number(process.versions.node.split('.')[0]))) return undefined;
  try {
    const stream = new DeflateRaw();
    const handle = (stream as unknown as { _handle?: { constructor?: unknown } })._handle;
    stream.close();
    return typeof handle?.constructor === 'function' ? (handle.constructor as NativeDeflateClass) : undefined;
  } catch {
    return undefined;
  }
}

/** The deflated bytes in the shared output buffer (valid until the next call), or undefined to fall back. */
function deflateNative(Native: NativeDeflateClass, plain: Buffer, dictionary: Buffer): Buffer | undefined {
  // deflate never grows input by more than a few bytes per 16 KB block: this is a generous bound.
  const bound = plain.length + (plain.length >> 3) + 64;
  if (bound > output.length) {
    if (bound > KEPT_OUTPUT_BYTES) return undefined;
    output = Buffer.allocUnsafe(bound);
  }
  let failure: string | undefined;
  const handle = new Native(constants.DEFLATERAW);
  handle.onerror = (message) => {
    failure = message;
  };
  try {
    handle.init(WINDOW_BITS, LEVEL, MEM_LEVEL, STRATEGY, writeState, ignoreAsyncDone, dictionary);
    handle.writeSync(constants.Z_FINISH, plain, 0, plain.length, output, 0, output.length);
  } finally {
    handle.close();
  }
  const [outputLeft, inputLeft] = writeState;
  // No output space left means the stream may not have finished: deflateRawSync then decides.
  if (failure !== undefined || inputLeft !== 0 || !outputLeft) return undefined;
  return output.subarray(0, output.length - outputLeft);
}

function checkedNativeDeflate(dictionary: Buffer): NativeDeflateClass | undefined {
  const Native = nativeDeflateClass();
  if (!Native) return undefined;
  try {
    const sample = Buffer.concat([dictionary.subarray(0, 512), Buffer.from('{"sample":"a stored form, checked once"}'), dictionary.subarray(0, 512)]);
    const same = deflateNative(Native, sample, dictionary)?.equals(deflateRawSync(sample, { dictionary }));
    return same ? Native : undefined;
  } catch {
    return undefined;
  }
}

/** A deflater for one preset dictionary; its result is only valid until the next call. */
export function rawDeflater(dictionary: Buffer): (plain: Buffer) => Buffer {
  const Native = checkedNativeDeflate(dictionary);
  return (plain) => (Native && deflateNative(Native, plain, dictionary)) || deflateRawSync(plain, { dictionary });
}
