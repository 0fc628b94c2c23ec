/**
 * The requests in a HAR document (a browser's "Save all as HAR", a proxy's capture, Gatewatch's
 * own export), each with the time it was made. Entries that cannot be read are reported, not
 * guessed at; the others are still imported.
 */
import { z } from 'zod';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { ImportError, type ImportedRequest } from './curl-command.js';

export const MAX_HAR_ENTRIES = 1000;

const HarDocument = z.object({ log: z.object({ entries: z.array(z.unknown()) }) });

const HarEntry = z.object({
  startedDateTime: z.string().optional(),
  request: z.object({
    method: z.string().min(1, 'the request has no method'),
    url: z.string().min(1, 'the request has no URL'),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
    postData: z
      .object({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        /** Not in HAR 1.2 for requests, but written by Gatewatch (and others) for bodies that are not text. */
        encoding: z.string().optional(),
        _encoding: z.string().optional(),
        params: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
      })
      .optional(),
  }),
});

export interface HarRequest extends ImportedRequest {
  /** When the request was made (startedDateTime), when the HAR says so. */
  startedAt: string | null;
  index: number;
}

export interface HarImport {
  requests: HarRequest[];
  skipped: Array<{ entry: number; reason: string }>;
}

function bodyOf(postData: z.infer<typeof HarEntry>['request']['postData']): Uint8Array | null {
  if (!postData) return null;
  const encoding = postData.encoding ?? postData._encoding;
  if (postData.text !== undefined) {
    if (encoding === undefined) return new TextEncoder().encode(postData.text);
    if (encoding !== 'base64') throw new ImportError(`the body's encoding "${encoding}" is not base64`);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(postData.text.replace(/\s/g, ''))) throw new ImportError('the body says base64 but is not');
    return new Uint8Array(Buffer.from(postData.text, 'base64'));
  }
  if (postData.params) {
    const form = postData.params.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value ?? '')}`).join('&');
    return new TextEncoder().encode(form);
  }
  return new Uint8Array();
}

const isoTime = (text: string | undefined): string | null => {
  if (text === undefined) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

export function parseHar(text: string): HarImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`the HAR file is not valid JSON (${(error as Error).message})`);
  }
  const document = HarDocument.safeParse(json);
  if (!document.success) throw new ImportError('this is not a HAR file: it has no log.entries list');
  const entries = document.data.log.entries;
  if (entries.length === 0) throw new ImportError('the HAR file has no entries: there is nothing to import');
  if (entries.length > MAX_HAR_ENTRIES) {
    throw new ImportError(
      `the HAR file has ${entries.length} entries; an import takes at most ${MAX_HAR_ENTRIES}: split it, or save only the requests you need`,
    );
  }
  const requests: HarRequest[] = [];
  const skipped: HarImport['skipped'] = [];
  entries.forEach((raw, index) => {
    const entry = HarEntry.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      skipped.push({ entry: index, reason: `not a HAR entry: ${issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'unreadable'}` });
      return;
    }
    const { request, startedDateTime } = entry.data;
    try {
      new URL(request.url);
    } catch {
      skipped.push({ entry: index, reason: `"${request.url}" is not a URL` });
      return;
    }
    try {
      // HTTP/2 pseudo-headers (:method, :path…) describe the request line, which is kept apart.
      const headers: HeaderPair[] = request.headers.filter((h) => !h.name.startsWith(':')).map((h) => [h.name, h.value]);
      requests.push({ index, method: request.method, url: request.url, headers, body: bodyOf(request.postData), startedAt: isoTime(startedDateTime) });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      skipped.push({ entry: index, reason: error.message });
    }
  });
  return { requests, skipped };
}
