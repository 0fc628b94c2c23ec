/**
 * The console page comes from `app://gatewatch/…`, not `file://` (Electron security checklist,
 * item 18): a file: page could read any local file its URL names, and every file: page shares
 * one origin. The handler serves only the built renderer folder.
 */
import { readRendererFile } from '../serve/static-files.js';
import { CONTENT_SECURITY_POLICY } from '../serve/security.js';
import type { CustomSchemeLike } from './electron-api.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gatewatch';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before `ready`: a standard, secure scheme gets an origin, `'self'` in the CSP, and fetch. */
export const appScheme: CustomSchemeLike = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Whether a URL is on the app's own origin (any page path or hash under app://gatewatch). */
export function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Answers `app://gatewatch/<path>` from `rendererDir`; another host, or a path that leaves the
 * folder (`%2e%2e/`), is not found. Unknown files get index.html, as in serve mode.
 */
export function appProtocolHandler(rendererDir: string): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    if (!isAppOrigin(request.url)) return notFound();
    const file = await readRendererFile(rendererDir, new URL(request.url).pathname);
    if (!file) return notFound();
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
