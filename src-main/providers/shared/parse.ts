/**
 * Body decoding and envelope parsing shared by all adapters. Never throws: an unreadable body
 * is described in `parseError`; a readable one that does not fit the schema in `schemaIssues`.
 */
import type { z } from 'zod';
import type { ParsedWebhook, WebhookDelivery } from '../types.js';
import { parseLosslessJson, type LosslessJson } from './lossless-json.js';
import { getHeader } from './headers.js';
import { at } from './json-path.js';
import { describeIssues } from './zod-json.js';

export type DecodedBody = { json: LosslessJson; error: null } | { json: undefined; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Parsing and verifying one delivery both decode its body: the second asks this cache. */
const decodedBodies = new WeakMap<Uint8Array, DecodedBody>();

/** Decodes the body as UTF-8 JSON, losslessly (once per body buffer). */
export function decodeJsonBody(body: Uint8Array): DecodedBody {
  let decoded = decodedBodies.get(body);
  if (decoded === undefined) {
    decoded = decodeJsonBodyOnce(body);
    decodedBodies.set(body, decoded);
  }
  return decoded;
}

function decodeJsonBodyOnce(body: Uint8Array): DecodedBody {
  if (body.length === 0) return { json: undefined, error: 'body is empty' };
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { json: undefined, error: 'body is not valid UTF-8 text' };
  }
  if (text.trim() === '') return { json: undefined, error: 'body is only whitespace' };
  const parsed = parseLosslessJson(text);
  return parsed.ok ? { json: parsed.value, error: null } : { json: undefined, error: `body is not JSON: ${parsed.error}` };
}

export interface EnvelopeSpec {
  envelope: z.ZodType;
  /** Where the event-specific data lives, and a schema per known event type. */
  dataKey?: string;
  eventSchemas?: Readonly<Record<string, z.ZodType>>;
  eventType(json: LosslessJson): string | null;
  eventId(json: LosslessJson): string | null;
}

export function parseDelivery(delivery: WebhookDelivery, spec: EnvelopeSpec): ParsedWebhook {
  const decoded = decodeJsonBody(delivery.body);
  if (decoded.error !== null) {
    return { json: null, parseError: withContentType(decoded.error, delivery), eventType: null, eventId: null, schemaIssues: [] };
  }
  const json = decoded.json;
  const contentTypeProblem = contentTypeMismatch(delivery);
  const eventType = spec.eventType(json);
  const schemaIssues = describeIssues(spec.envelope, json);
  if (spec.eventSchemas && eventType !== null) {
    const dataSchema = spec.eventSchemas[eventType];
    const data = spec.dataKey ? at(json, spec.dataKey) : json;
    if (dataSchema) schemaIssues.push(...describeIssues(dataSchema, data, spec.dataKey));
    else schemaIssues.push(`event type '${eventType}' is not in the provider's documents: kept as received`);
  }
  return { json, parseError: contentTypeProblem, eventType, eventId: spec.eventId(json), schemaIssues };
}

/** What is wrong with a body, for any provider (also deliveries to unknown paths): null when nothing. */
export function describeBodyProblem(delivery: WebhookDelivery): string | null {
  const decoded = decodeJsonBody(delivery.body);
  return decoded.error !== null ? withContentType(decoded.error, delivery) : contentTypeMismatch(delivery);
}

/** A JSON body sent with another content-type is kept and parsed, but flagged. */
function contentTypeMismatch(delivery: WebhookDelivery): string | null {
  const type = getHeader(delivery.headers, 'content-type');
  return type && !/json/i.test(type) ? `body is JSON but the content-type is '${type}'` : null;
}

function withContentType(error: string, delivery: WebhookDelivery): string {
  const type = getHeader(delivery.headers, 'content-type');
  if (type && !/json/i.test(type)) return `${error} (content-type is '${type}')`;
  return error;
}
