import { isProviderId, type DeliveryProvider } from '../../src-shared/domain/provider.js';

export interface WebhookRoute {
  provider: DeliveryProvider;
  label: string | null;
}

const WEBHOOK_PATH = /^\/webhooks\/([A-Za-z0-9_-]{1,64})(?:\/([A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}))?\/?$/;

/**
 * `/webhooks/<provider>` or `/webhooks/<provider>/<label>`; anything else (other paths, `..`
 * segments, unknown providers) is `unknown`. The path is matched as received, never resolved.
 */
export function routeWebhookPath(path: string): WebhookRoute {
  const match = WEBHOOK_PATH.exec(path);
  if (!match || !isProviderId(match[1]!)) return { provider: 'unknown', label: null };
  return { provider: match[1]!, label: match[2] ?? null };
}

export interface RequestTarget extends WebhookRoute {
  path: string;
  query: string;
}

/** Splits the request target into path and query and routes the path (once per request). */
export function requestTarget(url: string | undefined): RequestTarget {
  const target = url ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const route = routeWebhookPath(path);
  return { provider: route.provider, label: route.label, path, query: queryAt === -1 ? '' : target.slice(queryAt + 1) };
}
