import { z } from 'zod';
import { ProviderId } from '../domain/provider.js';

export const WebhookUrl = z.object({
  provider: ProviderId,
  localUrl: z.string(),
  /** The URL to paste into the provider's dashboard, when a tunnel base URL is known. */
  publicUrl: z.string().nullable(),
});

export const ListenerStatus = z.object({
  listening: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  localBaseUrl: z.string(),
  publicBaseUrl: z.string().nullable(),
  /** Where the public base URL came from: the user's setting, or a running ngrok agent. */
  publicBaseUrlSource: z.enum(['setting', 'ngrok']).nullable(),
  trustForwardedHeaders: z.boolean(),
  bodyLimitBytes: z.number().int(),
  urls: z.array(WebhookUrl),
  counts: z.object({
    total: z.number().int(),
    byProvider: z.record(z.string(), z.number().int()),
  }),
});
export type ListenerStatus = z.infer<typeof ListenerStatus>;

export const ListenerConfigureInput = z.object({
  /** e.g. https://abc123.ngrok-free.app — empty string clears it. */
  publicBaseUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).optional(),
  trustForwardedHeaders: z.boolean().optional(),
});

export const listenerContract = {
  'listener.status': { input: z.object({}).default({}), output: ListenerStatus },
  'listener.configure': { input: ListenerConfigureInput, output: ListenerStatus },
} as const;
