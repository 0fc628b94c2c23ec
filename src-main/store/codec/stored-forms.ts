import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { DICTIONARY_V1 } from './dictionary-v1.js';

/*
 * The compact form a delivery is kept in at rest, shared by every store backend (bytes in,
 * bytes out: the SQLite store keeps it in a BLOB, a PostgreSQL one would in a bytea). It starts
 * with a byte that says how the rest is encoded, so a later version can bring a better
 * dictionary without touching what is stored. The exact bytes always come back.
 */

/** The rest is the plain layout (what deflate would not make smaller). */
const AS_IS = 0;
/** The rest is the plain layout, raw-deflated with the version-1 dictionary. */
const DEFLATE_V1 = 1;

const dictionary = Buffer.from(DICTIONARY_V1, 'utf8');

const BODY_KEPT = 1;
const HAS_DETAIL = 2;
const PREFIX_BYTES = 9;

/** What a stored form holds: the request as received, and derived JSON once there is some. */
export interface DeliveryForm<Detail> {
  headers: HeaderPair[];
  body: Buffer | null;
  detail: Detail | null;
}

/**
 * Headers, body and derived JSON in one deflate stream: they share much (the meaning repeats
 * the body's ids and amounts), and whoever reads one of them reads the rest. The plain layout
 * is a flag byte, the headers' JSON length and the body's length (four bytes each), the
 * headers' JSON, the body, then the derived JSON.
 */
export function encodeDelivery(form: { headers: readonly HeaderPair[]; body: Uint8Array | null; detail: unknown }): Buffer {
  const headersJson = Buffer.from(JSON.stringify(form.headers), 'utf8');
  const body = form.body === null ? Buffer.alloc(0) : Buffer.from(form.body.buffer, form.body.byteOffset, form.body.byteLength);
  const detailJson = form.detail === null ? Buffer.alloc(0) : Buffer.from(JSON.stringify(form.detail), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.writeUInt8((form.body === null ? 0 : BODY_KEPT) | (form.detail === null ? 0 : HAS_DETAIL), 0);
  prefix.writeUInt32BE(headersJson.byteLength, 1);
  prefix.writeUInt32BE(body.byteLength, 5);
  const plain = Buffer.concat([prefix, headersJson, body, detailJson]);
  const deflated = deflateRawSync(plain, { dictionary });
  return deflated.length < plain.length ? Buffer.concat([Buffer.of(DEFLATE_V1), deflated]) : Buffer.concat([Buffer.of(AS_IS), plain]);
}

export function decodeDelivery<Detail>(stored: Uint8Array): DeliveryForm<Detail> {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const plain = bytes[0] === DEFLATE_V1 ? inflateRawSync(bytes.subarray(1), { dictionary }) : bytes[0] === AS_IS ? bytes.subarray(1) : null;
  if (plain === null) throw new Error(`unknown stored form ${String(bytes[0])}: written by a newer Gatewatch?`);
  const flags = plain.readUInt8(0);
  const bodyStart = PREFIX_BYTES + plain.readUInt32BE(1);
  const detailStart = bodyStart + plain.readUInt32BE(5);
  return {
    headers: JSON.parse(plain.toString('utf8', PREFIX_BYTES, bodyStart)) as HeaderPair[],
    // A copy: the caller may keep the body long after the rest is dropped.
    body: flags & BODY_KEPT ? Buffer.from(plain.subarray(bodyStart, detailStart)) : null,
    detail: flags & HAS_DETAIL ? (JSON.parse(plain.toString('utf8', detailStart)) as Detail) : null,
  };
}
