import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { DETAIL_DICTIONARY_V1, PAYLOAD_DICTIONARY_V1 } from './dictionary-v1.js';

/*
 * The compact forms a delivery is kept in at rest, shared by every store backend (this is plain
 * bytes in, bytes out: the SQLite store keeps them in BLOB columns, a PostgreSQL one in bytea).
 * Each form starts with a byte that says how the rest is encoded, so a later version can add a
 * better dictionary without touching what is stored. The exact bytes always come back.
 */

/** The rest is the plain bytes (a form deflate would not make smaller). */
const AS_IS = 0;
/** The rest is raw deflate with the version-1 dictionary of its kind. */
const DEFLATE_V1 = 1;

const payloadDictionary = Buffer.from(PAYLOAD_DICTIONARY_V1, 'utf8');
const detailDictionary = Buffer.from(DETAIL_DICTIONARY_V1, 'utf8');

function pack(plain: Buffer, dictionary: Buffer): Buffer {
  const deflated = deflateRawSync(plain, { dictionary });
  return deflated.length < plain.length
    ? Buffer.concat([Buffer.of(DEFLATE_V1), deflated])
    : Buffer.concat([Buffer.of(AS_IS), plain]);
}

function unpack(form: Uint8Array, dictionary: Buffer): Buffer {
  const bytes = Buffer.from(form.buffer, form.byteOffset, form.byteLength);
  const rest = bytes.subarray(1);
  if (bytes[0] === AS_IS) return Buffer.from(rest);
  if (bytes[0] === DEFLATE_V1) return inflateRawSync(rest, { dictionary });
  throw new Error(`unknown stored form ${String(bytes[0])}: written by a newer Gatewatch?`);
}

/**
 * Headers and body in one form: they compress better together, and every reader of one reads
 * the other. Laid out as a flag byte (1: a body was kept), the length of the headers' JSON as
 * four bytes, the headers' JSON, then the body.
 */
export function encodePayload(headers: readonly HeaderPair[], body: Uint8Array | null): Buffer {
  const headersJson = Buffer.from(JSON.stringify(headers), 'utf8');
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(body === null ? 0 : 1, 0);
  prefix.writeUInt32BE(headersJson.byteLength, 1);
  const parts: Buffer[] = [prefix, headersJson];
  if (body !== null) parts.push(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  return pack(Buffer.concat(parts), payloadDictionary);
}

export function decodePayload(form: Uint8Array): { headers: HeaderPair[]; body: Buffer | null } {
  const plain = unpack(form, payloadDictionary);
  const hasBody = plain.readUInt8(0) === 1;
  const headersEnd = 5 + plain.readUInt32BE(1);
  const headers = JSON.parse(plain.toString('utf8', 5, headersEnd)) as HeaderPair[];
  return { headers, body: hasBody ? plain.subarray(headersEnd) : null };
}

/** Derived JSON (verification, normalized meaning…) as one compact form. */
export function encodeDetail(detail: unknown): Buffer {
  return pack(Buffer.from(JSON.stringify(detail), 'utf8'), detailDictionary);
}

export function decodeDetail<T>(form: Uint8Array): T {
  return JSON.parse(unpack(form, detailDictionary).toString('utf8')) as T;
}
