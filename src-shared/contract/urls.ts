import { z } from 'zod';

/**
 * An http(s) URL the console will send requests to. Credentials inside a URL would be stored,
 * shown and copied with it: they belong in a header or a secret field instead.
 */
export const HttpUrl = z.url({ protocol: /^https?$/ }).refine((value) => {
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return true; // not a URL at all: z.url has already said so
  }
}, 'Put credentials in a secret field or a header, not in the URL');
