/**
 * `--forward paychant=http://localhost:3000/hooks` (repeatable): a passthrough route set up from
 * the command line, for a developer's laptop, as `stripe listen --forward-to` does.
 */
import { z } from 'zod';
import { isProviderId, providerIds } from '../../src-shared/domain/provider.js';
import { HttpUrl } from '../../src-shared/contract/urls.js';
import { RouteLabel } from '../../src-shared/contract/relay.js';

export const ForwardSpec = z.object({ provider: z.enum(providerIds), label: RouteLabel.nullable(), url: HttpUrl });
export type ForwardSpec = z.infer<typeof ForwardSpec>;

/** Parses one flag value; throws an Error whose message says what is wrong, in words. */
export function parseForwardFlag(value: string): ForwardSpec {
  const at = value.indexOf('=');
  if (at <= 0) throw new Error(`--forward ${value}: expected <provider>[/<label>]=<url>, e.g. paychant=http://localhost:3000/hooks`);
  const [provider, label = null, extra] = value.slice(0, at).split('/');
  const url = value.slice(at + 1);
  if (!isProviderId(provider!)) throw new Error(`--forward ${value}: "${provider}" is not a provider; one of ${providerIds.join(', ')}`);
  if (extra !== undefined || (label !== null && !RouteLabel.safeParse(label).success)) {
    throw new Error(`--forward ${value}: "${value.slice(0, at)}" is not a listener path; use <provider> or <provider>/<label>`);
  }
  const checked = HttpUrl.safeParse(url);
  if (!checked.success) throw new Error(`--forward ${value}: ${checked.error.issues[0]?.message ?? 'not an http(s) URL'}`);
  return { provider, label, url };
}
