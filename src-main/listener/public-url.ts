import { z } from 'zod';

const NgrokTunnels = z.object({
  tunnels: z.array(z.object({ public_url: z.string(), proto: z.string().optional(), config: z.object({ addr: z.string() }).partial().optional() })),
});

/**
 * Asks a running ngrok agent (its local API on 127.0.0.1:4040) for the public https URL that
 * forwards to the listener's port. Returns null when no agent answers quickly.
 */
export async function ngrokPublicUrl(listenerPort: number, apiUrl = 'http://127.0.0.1:4040/api/tunnels'): Promise<string | null> {
  try {
    const response = await fetch(apiUrl, { signal: AbortSignal.timeout(400) });
    if (!response.ok) return null;
    const parsed = NgrokTunnels.safeParse(await response.json());
    if (!parsed.success) return null;
    const forListener = parsed.data.tunnels.filter((t) => (t.config?.addr ?? '').endsWith(`:${listenerPort}`));
    const candidates = forListener.length > 0 ? forListener : parsed.data.tunnels;
    const https = candidates.find((t) => t.public_url.startsWith('https://')) ?? candidates[0];
    return https ? https.public_url.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}
