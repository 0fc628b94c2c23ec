/** One session form per provider: what it creates and the schema its form is generated from. */
import type { z } from 'zod';
import type { ProviderId } from '../domain/provider.js';
import { instapSessionPayload } from './instap.js';
import { instaxchangeSessionPayload } from './instaxchange.js';
import { calypsoInvoicePayload, openxswitchSwapPayload, paychantWidgetPayload } from './others.js';

export type SessionKind = 'session' | 'invoice' | 'swap' | 'widget_link';

export interface SessionForm {
  provider: ProviderId;
  kind: SessionKind;
  title: string;
  /** What is sent and how it is signed, in one line. */
  summary: string;
  schema: z.ZodObject;
}

export const sessionForms: Record<ProviderId, SessionForm> = {
  instap: {
    provider: 'instap',
    kind: 'session',
    title: 'Instap deposit tracking session',
    summary: 'POST /pgpub/session with x-api-key and x-payload-hash = base64 HMAC-SHA512 of the exact body sent.',
    schema: instapSessionPayload,
  },
  instaxchange: {
    provider: 'instaxchange',
    kind: 'session',
    title: 'InstaXchange payment session',
    summary: 'POST /api/session (JSON). Auth for creation is not documented: see Settings → Sessions.',
    schema: instaxchangeSessionPayload,
  },
  calypso: {
    provider: 'calypso',
    kind: 'invoice',
    title: 'Calypso invoice',
    summary:
      'POST /api/v1/invoice/{type}/create; Key = API public key, Sign = hex HMAC-SHA512 of the exact body with the secret key (the HMAC secret setting).',
    schema: calypsoInvoicePayload,
  },
  openxswitch: {
    provider: 'openxswitch',
    kind: 'swap',
    title: 'OpenXSwitch instant swap',
    summary: 'POST /v1/instant-swap with Authorization: Bearer <API key>; no request signing.',
    schema: openxswitchSwapPayload,
  },
  paychant: {
    provider: 'paychant',
    kind: 'widget_link',
    title: 'Paychant widget link',
    summary: 'No server call: the widget link is built and recorded as the session. The partner API key is a publishable key and appears in the link.',
    schema: paychantWidgetPayload,
  },
};
