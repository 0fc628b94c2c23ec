import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DictionaryDeflater } from '../../src-main/store/codec/dictionary-deflate.js';
import { DICTIONARY_V1 } from '../../src-main/store/codec/dictionary-v1.js';
import { decodeDelivery, encodeDelivery } from '../../src-main/store/codec/stored-forms.js';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, instaxchangeFailed, openxswitchSwap } from '../providers/fixtures.js';

const dictionary = Buffer.from(DICTIONARY_V1, 'utf8');
const payloads = [instaxchangeCompleted, instaxchangeFailed, instapDeposit, openxswitchSwap, calypsoInvoiceCreated].map((p) => Buffer.from(p, 'utf8'));

/** A small deterministic generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Pieces of the dictionary, of payloads and of noise, end to end: long matches, short ones, none. */
function mixture(next: () => number, length: number): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  while (total < length) {
    const kind = next();
    const size = 1 + Math.floor(next() * (kind < 0.2 ? 8 : 300));
    let part: Buffer;
    if (kind < 0.4) {
      const from = Math.floor(next() * dictionary.length);
      part = dictionary.subarray(from, from + size);
    } else if (kind < 0.7) {
      const payload = payloads[Math.floor(next() * payloads.length)]!;
      const from = Math.floor(next() * payload.length);
      part = payload.subarray(from, from + size);
    } else if (kind < 0.8) {
      part = Buffer.alloc(size, Math.floor(next() * 256)); // a run
    } else {
      part = Buffer.from(Array.from({ length: size }, () => Math.floor(next() * 256)));
    }
    parts.push(part);
    total += part.length;
  }
  return Buffer.concat(parts).subarray(0, length);
}

describe('deflate with a preset dictionary, chains built once', () => {
  const deflater = new DictionaryDeflater(dictionary);
  const roundTrip = (input: Buffer) => {
    const deflated = deflater.deflate(input);
    expect(deflated).not.toBeNull();
    expect(inflateRawSync(deflated!, { dictionary }).equals(input)).toBe(true);
    return deflated!;
  };

  it('gives back the exact bytes through zlib inflate, for payloads, edge cases and mixtures', () => {
    for (const payload of payloads) roundTrip(payload);
    roundTrip(Buffer.alloc(0));
    roundTrip(Buffer.of(0x7b));
    roundTrip(Buffer.from([0, 1, 2]));
    roundTrip(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    roundTrip(Buffer.alloc(deflater.maxInput, 'a')); // one long run, at the longest input taken
    roundTrip(dictionary.subarray(0, Math.min(dictionary.length, deflater.maxInput))); // all of it one match after another
    roundTrip(Buffer.concat([dictionary.subarray(dictionary.length - 5), Buffer.from('tail')])); // a match ending at the dictionary's end
    const next = random(42);
    for (let i = 0; i < 300; i++) roundTrip(mixture(next, Math.floor(next() * (i < 250 ? 4_000 : deflater.maxInput))));
  });

  it('keeps each call apart: the same input gives the same bytes whatever was compressed before', () => {
    const first = Buffer.from(roundTrip(payloads[0]!));
    roundTrip(payloads[1]!);
    roundTrip(mixture(random(7), 10_000));
    expect(Buffer.from(roundTrip(payloads[0]!)).equals(first)).toBe(true);
  });

  it('compresses provider payloads about as well as zlib does with the same dictionary', () => {
    let ours = 0;
    let zlib = 0;
    for (const payload of payloads) {
      ours += roundTrip(payload).length;
      zlib += deflateRawSync(payload, { dictionary }).length;
    }
    expect(ours).toBeLessThan(zlib * 1.02);
  });

  it('leaves an input too long for its window to the caller', () => {
    expect(deflater.deflate(Buffer.alloc(deflater.maxInput + 1))).toBeNull();
  });

  it('is what stored forms are written with, and forms that node:zlib wrote before still read back', () => {
    const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
    const body = payloads[3]!;
    const form = encodeDelivery({ headers, body, detail: null });
    const plain = Buffer.concat([
      Buffer.of(1, 0, 0, 0, JSON.stringify(headers).length, 0, 0, (body.length >> 8) & 0xff, body.length & 0xff),
      Buffer.from(JSON.stringify(headers)),
      body,
    ]);
    expect(form[0]).toBe(1);
    expect(form.subarray(1).equals(Buffer.from(new DictionaryDeflater(dictionary).deflate(plain)!))).toBe(true);
    const written = Buffer.concat([Buffer.of(1), deflateRawSync(plain, { dictionary })]);
    const back = decodeDelivery(written);
    expect(back.headers).toEqual(headers);
    expect(back.body!.equals(body)).toBe(true);
  });
});
