import type { RawHeaders } from '../types.js';

/** The first value of a header, matched case-insensitively (`X-InstaXWH-KEY` = `x-instaxwh-key`). */
export function getHeader(headers: RawHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of headers) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export function hasHeader(headers: RawHeaders, name: string): boolean {
  return getHeader(headers, name) !== undefined;
}

/** Every value of a header, in received order (a repeated signature header has several). */
export function getHeaderValues(headers: RawHeaders, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}
