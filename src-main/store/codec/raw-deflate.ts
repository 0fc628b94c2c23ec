import { DeflateRaw, constants, deflateRawSync } from 'node:zlib';

/*
 * Raw deflate with a preset dictionary, byte for byte what `deflateRawSync(plain, { dictionary })`
 * gives, at about half its CPU on a stored form of a few KB: deflateRawSync builds a whole stream
 * object (EventEmitter, readable and writable state) and a fresh 16 KB output buffer around one
 * native zlib call, and that garbage cost more than the deflate itself. Here the native zlib
 * handle node:zlib uses is driven directly: a fresh one per call (a reset handle would not give
 * the same bytes: zlib's window keeps stale bytes that a fresh one has zeroed), writing into one
 * reused 64 KB output buffer. The handle is node:zlib's internal API, so it is checked against
 * deflateRawSync once when loaded, and anything unexpected (an error, an exception, output not
 * finished) falls back to deflateRawSync.
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
/** A form whose output may not fit this gets deflateRawSync (rare; its fresh buffer costs no more). */
const NATIVE_OUTPUT_BYTES = 1024 * 1024;

const writeState = new Uint32Array(2);
const ignoreAsyncDone = () => {};
/**
 * The output buffer reused call after call. A larger form gets one for that call only: a kept
 * large buffer would hold what a rare large delivery said (compressed) for as long as the process.
 */
const sharedOutput = Buffer.allocUnsafe(64 * 1024);

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

/**
 * The deflated bytes (in the shared output buffer for a form that fits it, valid until the next
 * call), undefined to fall back this time, or null when the handle cannot be set up at all.
 */
function deflateNative(Native: NativeDeflateClass, plain: Buffer, dictionary: Buffer): Buffer | undefined | null {
  // deflate never grows input by more than a few bytes per 16 KB block: this is a generous bound.
  const bound = plain.length + (plain.length >> 3) + 64;
  if (bound > NATIVE_OUTPUT_BYTES) return undefined;
  const output = bound <= sharedOutput.length ? sharedOutput : Buffer.allocUnsafe(bound);
  let failure: string | undefined;
  let handle: NativeDeflate | undefined;
  try {
    handle = new Native(constants.DEFLATERAW);
    handle.onerror = (message) => {
      failure = message;
    };
    handle.init(WINDOW_BITS, LEVEL, MEM_LEVEL, STRATEGY, writeState, ignoreAsyncDone, dictionary);
  } catch {
    // Not closed: closing a handle that init did not set up aborts the process (a native
    // assertion, "close before init"); one it did set up is closed when collected. (One it did
    // not aborts when collected or at exit whatever is done here; with these plain numbers,
    // init on the checked lines does not throw.)
    return null;
  }
  // An internal API may throw where it used not to: deflateRawSync answers instead.
  try {
    handle.writeSync(constants.Z_FINISH, plain, 0, plain.length, output, 0, output.length);
  } catch {
    failure ??= 'writeSync threw';
  } finally {
    try {
      handle.close();
    } catch {
      failure ??= 'close threw';
    }
  }
  const [outputLeft, inputLeft] = writeState;
  // No output space left means the stream may not have finished: deflateRawSync then decides.
  if (failure !== undefined || inputLeft !== 0 || !outputLeft) return undefined;
  return output.subarray(0, output.length - outputLeft);
}

function checkedNativeDeflate(dictionary: Buffer, Native: NativeDeflateClass | undefined): NativeDeflateClass | undefined {
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
  return rawDeflaterUsing(dictionary, nativeDeflateClass());
}

/** rawDeflater with the native handle class given: for tests, which give one that fails on cue. */
export function rawDeflaterUsing(dictionary: Buffer, nativeClass: NativeDeflateClass | undefined): (plain: Buffer) => Buffer {
  let Native = checkedNativeDeflate(dictionary, nativeClass);
  return (plain) => {
    const deflated = Native && deflateNative(Native, plain, dictionary);
    // A handle that cannot be set up would be stranded again on every call: give up the native path.
    if (deflated === null) Native = undefined;
    return deflated || deflateRawSync(plain, { dictionary });
  };
}
