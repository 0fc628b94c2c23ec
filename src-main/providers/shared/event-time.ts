/**
 * Reads a provider's own event time, keeping the text as received beside the instant. Each
 * provider writes it differently: ISO 8601 with or without a zone, `30/03/2023 - 01:46:02`
 * (Paychant), epoch seconds or milliseconds as a number or a string (Instap, OpenXSwitch).
 * A time that cannot be read is kept with no instant; nothing is rejected.
 */
import type { ProviderEventTime } from '../../../src-shared/domain/normalized.js';
import { at, textOf } from './json-path.js';

const UTC_ASSUMED = 'no time zone given: read as UTC';
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*-?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const EPOCH = /^\d{9,13}$/;

/** An instant from calendar fields read as UTC, or null when they name no real date (31/02). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): string | null {
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(time);
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return real ? date.toISOString() : null;
}

function readIso(text: string): { at: string | null; note?: string } | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  // Sub-millisecond digits (Calypso writes microseconds) stay in the received text only.
  const ms = frac ? Number(frac.slice(1, 4).padEnd(3, '0')) : 0;
  const base = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms);
  if (base === null) return { at: null };
  if (!zone) return { at: base, note: UTC_ASSUMED };
  if (zone === 'Z') return { at: base };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return { at: new Date(Date.parse(base) - offset).toISOString() };
}

function readDayFirst(text: string): { at: string | null; note: string } | null {
  const m = DAY_FIRST.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi, s = '0'] = m;
  return { at: utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)), note: `day/month/year; ${UTC_ASSUMED}` };
}

/** 10 digits are seconds, 13 milliseconds (any epoch since 1973 up to 2286). */
function readEpoch(text: string): { at: string | null; note: string } | null {
  if (!EPOCH.test(text)) return null;
  const n = Number(text);
  const millis = text.length >= 12;
  return { at: new Date(millis ? n : n * 1000).toISOString(), note: millis ? 'epoch milliseconds' : 'epoch seconds' };
}

export function readProviderTime(field: string, value: unknown): ProviderEventTime | null {
  const received = textOf(value)?.trim();
  if (!received) return null;
  const read = readIso(received) ?? readDayFirst(received) ?? readEpoch(received) ?? { at: null };
  return { field, received, ...read };
}

/** The first of these paths that holds a time, read. */
export function providerTimeAt(json: unknown, paths: ReadonlyArray<readonly string[]>): ProviderEventTime | null {
  for (const path of paths) {
    const time = readProviderTime(path.join('.'), at(json, ...path));
    if (time) return time;
  }
  return null;
}
