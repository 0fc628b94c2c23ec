import { inflateRawSync } from 'node:zlib';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { DICTIONARY_V1 } from './dictionary-v1.js';
import { rawDeflater } from './raw-deflate.js';

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
const deflateV1 = rawDeflater(dictionary);

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
  const headersText = JSON.stringify(form.headers);
  const detailText = form.detail === null ? '' : JSON.stringify(form.detail);
  const bodyLength = form.body === null ? 0 : form.body.byteLength;
  // The plain layout is written in place (no part copied twice); UTF-8 is at most 3 bytes per UTF-16 unit.
  const plain = layoutBuffer(PREFIX_BYTES + 3 * (headersText.length + detailText.length) + bodyLength);
  let end = PREFIX_BYTES;
  const headersLength = plain.write(headersText, end, 'utf8');
  end += headersLength;
  if (form.body !== null) plain.set(form.body, end);
  end += bodyLength;
  end += plain.write(detailText, end, 'utf8');
  plain.writeUInt8((form.body === null ? 0 : BODY_KEPT) | (form.detail === null ? 0 : HAS_DETAIL), 0);
  plain.writeUInt32BE(headersLength, 1);
  plain.writeUInt32BE(bodyLength, 5);
  const deflated = deflateV1(plain.subarray(0, end));
  const kept = deflated.length < end ? deflated : plain.subarray(0, end);
  const stored = Buffer.allocUnsafe(1 + kept.length);
  stored[0] = kept === deflated ? DEFLATE_V1 : AS_IS;
  kept.copy(stored, 1);
  return stored;
}

/**
 * Forms are laid out one at a time, so one buffer serves them all. A larger one gets a buffer of
 * its own: a kept large buffer would hold a rare large delivery's plain text for as long as the process.
 */
const layout = Buffer.allocUnsafe(64 * 1024);

function layoutBuffer(bytes: number): Buffer {
  return bytes <= layout.length ? layout : Buffer.allocUnsafe(bytes);
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
