import { z } from 'zod';

/** Provider ids used everywhere: URLs (/webhooks/<id>), the store, the contract. */
export const providerIds = ['instaxchange', 'instap', 'openxswitch', 'calypso', 'paychant'] as const;
export const ProviderId = z.enum(providerIds);
export type ProviderId = z.infer<typeof ProviderId>;

/** A delivery posted to a path that names no known provider is kept as `unknown`. */
export const DeliveryProvider = z.union([ProviderId, z.literal('unknown')]);
export type DeliveryProvider = z.infer<typeof DeliveryProvider>;

export function isProviderId(value: string): value is ProviderId {
  return (providerIds as readonly string[]).includes(value);
}
