/**
 * The raw deflater that drives node:zlib's native handle directly (raw-deflate.ts) against the
 * reference it replaces, `deflateRawSync(plain, { dictionary })`: the same bytes, always, for
 * the real dictionary of stored forms and for another one, whatever the input (empty, tiny,
 * the dictionary itself, random, repetitive, stored-form layouts, sizes around zlib's 16 KB and
 * the deflater's 64 KB buffer, and over 1 MiB where it falls back), with two deflaters called
 * in turn. Its result is only valid until the next call, so each is copied before the next.
 *
 * Then encodeDelivery: its deflated forms are the reference's bytes (what older versions
 * wrote), an earlier form is not changed by encoding a later one, and generated forms come
 * back exactly (stored-forms.test.ts holds the hand-picked bodies).
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { DeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DICTIONARY_V1 } from '../../src-main/store/codec/dictionary-v1.js';
import { rawDeflater, rawDeflaterUsing } from '../../src-main/store/codec/raw-deflate.js';
import { decodeDelivery, encodeDelivery } from '../../src-main/store/codec/stored-forms.js';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, openxswitchSwap } from '../providers/fixtures.js';

const dictionary = Buffer.from(DICTIONARY_V1, 'utf8');
const otherDictionary = Buffer.from('{"amount":"currency","status":"completed","id":"Content-Type: application/json"}');

/** The deflater's bytes (copied: the shared buffer is reused by the next call), checked against the reference. */
function sameAsReference(deflate: (plain: Buffer) => Buffer, plain: Buffer, dict: Buffer): Buffer {
  const ours = Buffer.from(deflate(plain));
  const reference = deflateRawSync(plain, { dictionary: dict });
  if (!ours.equals(reference)) {
    throw new Error(`${plain.length} bytes (sha256 ${sha(plain)}): ${ours.length} deflated bytes, the reference gives ${reference.length}`);
  }
  expect(inflateRawSync(ours, { dictionary: dict }).equals(plain)).toBe(true);
  return ours;
}

/** node:zlib's native handle, as far as these tests drive it. */
interface NativeHandle {
  onerror: (message: string) => void;
  init(...args: unknown[]): void;
  writeSync(...args: unknown[]): void;
  close(): void;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Pseudo-random bytes from a seed (xorshift), so failures are reproducible. */
function noise(length: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed | 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Text like a stored form's layout: headers JSON, a provider body, derived JSON, repeated to size. */
function storedLike(length: number): Buffer {
  const headers = JSON.stringify([
    ['content-type', 'application/json'],
    ['x-signature', 'ab'.repeat(32)],
  ]);
  const detail = JSON.stringify({ verification: { status: 'valid' }, normalized: { amounts: [{ value: '170.00', currency: 'USD' }] }, schemaIssues: [] });
  const unit = Buffer.from(headers + openxswitchSwap + instapDeposit + detail);
  const out = Buffer.alloc(length);
  for (let at = 0; at < length; at += unit.length) unit.copy(out, at, 0, Math.min(unit.length, length - at));
  return out;
}

/** The plain layout inside a stored form (inflated back), or null for a form kept as is. */
function plainOf(stored: Buffer): Buffer | null {
  return stored[0] === 1 ? inflateRawSync(stored.subarray(1), { dictionary }) : null;
}

describe('raw deflater', () => {
  const deflate = rawDeflater(dictionary);

  it('gives the bytes of deflateRawSync for chosen inputs', () => {
    const sizes = [16 * 1024, 64 * 1024];
    const inputs: Buffer[] = [
      Buffer.alloc(0),
      Buffer.of(0),
      Buffer.of(0xff),
      Buffer.from('{'),
      dictionary,
      dictionary.subarray(0, 1),
      dictionary.subarray(0, 512),
      dictionary.subarray(dictionary.length - 300),
      dictionary.subarray(100, 2000),
      Buffer.concat([dictionary, dictionary]),
      Buffer.from(openxswitchSwap),
      Buffer.from(instapDeposit),
      Buffer.from(calypsoInvoiceCreated),
      Buffer.from(instaxchangeCompleted),
      Buffer.from('a'.repeat(100_000)),
      Buffer.from('{"a":1}\r\n'.repeat(20_000)),
      Buffer.alloc(300_000),
      noise(3000),
      ...sizes.flatMap((size) => [-65, -64, -1, 0, 1, 64, 65].flatMap((delta) => [noise(size + delta, size + delta), storedLike(size + delta)])),
      // The deflater's output buffer is sized from the input: just below and above where it grows.
      noise(58_200, 7),
      noise(58_300, 8),
      noise(300_000, 9),
      storedLike(900_000),
      // Over 1 MiB: deflateRawSync itself answers.
      noise(1024 * 1024 + 1, 10),
      storedLike(3 * 1024 * 1024),
    ];
    for (const plain of inputs) sameAsReference(deflate, plain, dictionary);
  });

  it('gives the bytes of deflateRawSync for generated inputs, with the real dictionary and another', () => {
    const other = rawDeflater(otherDictionary);
    const input = fc.oneof(
      // size 'max': lengths spread over the whole range (the default keeps them to a few bytes).
      fc.uint8Array({ maxLength: 70 * 1024, size: 'max' }),
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(fc.nat(dictionary.length), fc.nat(dictionary.length)).map(([a, b]) => dictionary.subarray(Math.min(a, b), Math.max(a, b))),
      fc.tuple(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 5000 })).map(([text, times]) => Buffer.from(text.repeat(times))),
      fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value))),
      fc
        .array(fc.constantFrom(openxswitchSwap, instapDeposit, calypsoInvoiceCreated, DICTIONARY_V1.slice(0, 700), '\u0000', 'ü'), { maxLength: 40 })
        .map((parts) => Buffer.from(parts.join(''))),
    );
    fc.assert(
      fc.property(input, (bytes) => {
        const plain = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        sameAsReference(deflate, plain, dictionary);
        sameAsReference(other, plain, otherDictionary);
      }),
      { numRuns: 400 },
    );
  });

  it('gives each deflater its own bytes when two are called in turn', () => {
    const first = rawDeflater(dictionary);
    const second = rawDeflater(otherDictionary);
    const inputs = [Buffer.from(openxswitchSwap), noise(20_000, 3), Buffer.alloc(0), dictionary, storedLike(70_000), Buffer.from(instapDeposit)];
    const results: Buffer[] = [];
    for (const plain of inputs) {
      // Copies taken in turn: neither call may disturb what the other deflater works with.
      results.push(sameAsReference(first, plain, dictionary), sameAsReference(second, plain, otherDictionary));
    }
    inputs.forEach((plain, i) => {
      expect(results[2 * i]!.equals(deflateRawSync(plain, { dictionary }))).toBe(true);
      expect(results[2 * i + 1]!.equals(deflateRawSync(plain, { dictionary: otherDictionary }))).toBe(true);
    });
  });

  it('takes the native path for a stored form of a few KB (so the checks above are not all of deflateRawSync against itself)', () => {
    // Falling back is always allowed to be correct; this only notices a deflater that silently
    // always fell back. The native path answers in its one reused output buffer; deflateRawSync
    // gives a fresh buffer each call.
    const first = deflate(storedLike(4000));
    const second = deflate(storedLike(3000));
    expect(first.buffer).toBe(second.buffer);
    // Over 1 MiB the answer is deflateRawSync's own buffer.
    expect(deflate(noise(1024 * 1024 + 1, 11)).buffer).not.toBe(deflate(noise(1024 * 1024 + 2, 12)).buffer);
  });

  it('keeps no large output buffer: a form past 64 KB gets one of its own, and the next small one the shared buffer again', () => {
    const shared = deflate(storedLike(4000)).buffer;
    const large = deflate(storedLike(200_000)).buffer;
    // The large output is not in the shared buffer, and that is not replaced by a larger one.
    expect(large).not.toBe(shared);
    expect(deflate(storedLike(3000)).buffer).toBe(shared);
    expect(shared.byteLength).toBeLessThanOrEqual(64 * 1024);
  });

  it('falls back to deflateRawSync when the native handle throws', () => {
    const Native = (new DeflateRaw() as unknown as { _handle: { constructor: new (mode: number) => NativeHandle } })._handle.constructor;
    let failing: 'init' | 'writeSync' | 'close' | undefined;
    class Throwing extends Native {
      override init(...args: unknown[]): void {
        // After the real one: a handle that init did not set up aborts the process when
        // collected, whatever the deflater does (see raw-deflate.ts).
        super.init(...args);
        if (failing === 'init') throw new Error('init failed');
      }
      override writeSync(...args: unknown[]): void {
        if (failing === 'writeSync') throw new Error('writeSync failed');
        super.writeSync(...args);
      }
      override close(): void {
        super.close();
        if (failing === 'close') throw new Error('close failed');
      }
    }
    const inputs = [storedLike(4000), noise(3000, 5), storedLike(100_000), Buffer.alloc(0)];
    for (const where of ['writeSync', 'close', 'init'] as const) {
      failing = undefined;
      // Checked once when made, with nothing failing: the native path is taken.
      const throwing = rawDeflaterUsing(dictionary, Throwing);
      expect(throwing(storedLike(4000)).buffer).toBe(throwing(storedLike(3000)).buffer);
      failing = where;
      for (const plain of inputs) sameAsReference(throwing, plain, dictionary);
      failing = undefined;
      for (const plain of inputs) sameAsReference(throwing, plain, dictionary);
    }
  });

  it('answers the same for the same input, call after call', () => {
    const plain = storedLike(5000);
    const once = Buffer.from(deflate(plain));
    deflate(noise(40_000, 4));
    expect(Buffer.from(deflate(plain)).equals(once)).toBe(true);
  });
});

describe('stored forms written with the raw deflater', () => {
  const headerPair = fc.tuple(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 80 }));
  const form = fc.record({
    headers: fc.array(headerPair, { maxLength: 8 }),
    body: fc.option(
      fc.oneof(
        fc.uint8Array({ maxLength: 4096, size: 'max' }),
        fc.constantFrom(openxswitchSwap, instapDeposit, calypsoInvoiceCreated, instaxchangeCompleted).map((text) => Buffer.from(text)),
        fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value))),
      ),
    ),
    detail: fc.option(fc.jsonValue({ maxDepth: 4 })),
  });

  it('deflates to the bytes deflateRawSync gives for the same layout, and reads back exactly', () => {
    fc.assert(
      fc.property(form, ({ headers, body, detail }) => {
        const stored = encodeDelivery({ headers, body, detail });
        const plain = plainOf(stored);
        if (plain !== null) expect(stored.subarray(1).equals(deflateRawSync(plain, { dictionary }))).toBe(true);
        else expect(stored[0]).toBe(0);
        const back = decodeDelivery<unknown>(stored);
        expect(back.headers).toEqual(headers);
        if (body === null) expect(back.body).toBeNull();
        else expect(back.body!.equals(Buffer.from(body))).toBe(true);
        expect(JSON.stringify(back.detail)).toBe(JSON.stringify(detail));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps no large layout buffer: each form past 64 KB is laid out in a buffer of its own', () => {
    const form = { headers: [['content-type', 'application/json']] as [string, string][], body: Buffer.from('{"a":1}'.repeat(20_000)), detail: null };
    const layoutBytes = 9 + 3 * JSON.stringify(form.headers).length + form.body.length;
    encodeDelivery(form);
    const allocations = vi.spyOn(Buffer, 'allocUnsafe');
    try {
      const stored = encodeDelivery(form);
      expect(decodeDelivery<unknown>(stored).body!.equals(form.body)).toBe(true);
      // Laid out again in a fresh buffer: the one for the form before was not kept.
      expect(allocations.mock.calls.some(([size]) => size === layoutBytes)).toBe(true);
    } finally {
      allocations.mockRestore();
    }
  });

  it('leaves a form already encoded unchanged when the next one is encoded', () => {
    const a = encodeDelivery({ headers: [['content-type', 'application/json']], body: Buffer.from(openxswitchSwap), detail: { schemaIssues: [] } });
    const copy = Buffer.from(a);
    const b = encodeDelivery({ headers: [], body: Buffer.from(instapDeposit), detail: null });
    expect(a.equals(copy)).toBe(true);
    expect(a.buffer === b.buffer && a.byteOffset === b.byteOffset).toBe(false);
    expect(plainOf(a)).not.toBeNull();
    expect(decodeDelivery<unknown>(a).body!.toString()).toBe(openxswitchSwap);
  });
});
