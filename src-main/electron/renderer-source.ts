/**
 * Where the window's page comes from. `ELECTRON_RENDERER_URL` (electron-vite's dev server) is
 * honoured only by a development build that is not packaged: in a shipped app, anyone able to
 * set an environment variable could otherwise point the window, and its preload API, at any URL.
 */
export interface RendererSourceInput {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** Fixed at build time: `import.meta.env.DEV` (true only under `electron-vite dev`). */
  developmentBuild: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`. */
  rendererUrl: string | undefined;
}

/** The dev server URL to load (null: the built page), and why a given one was ignored. */
export function devServerUrl(input: RendererSourceInput): { url: string | null; ignored: string | null } {
  const value = input.rendererUrl?.trim();
  if (!value) return { url: null, ignored: null };
  if (input.isPackaged || !input.developmentBuild) {
    return { url: null, ignored: 'ELECTRON_RENDERER_URL is ignored: only a development build that is not packaged loads a dev server.' };
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { url: null, ignored: `ELECTRON_RENDERER_URL is not a URL (${value}): loading the built page.` };
  }
  // The dev server runs on this machine; anything else is not what electron-vite sets.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'http:' || !loopback) {
    return { url: null, ignored: `ELECTRON_RENDERER_URL must be an http:// address on this machine, not ${parsed.origin}: loading the built page.` };
  }
  return { url: parsed.href, ignored: null };
}
