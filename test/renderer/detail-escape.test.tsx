// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { SessionPage } from '../../src-renderer/features/sessions/SessionPage.js';
import type { SessionDetail } from '../../src-shared/contract/sessions.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const session: SessionDetail = {
  id: 'ses_1',
  provider: 'instap',
  environment: 'sandbox',
  kind: 'session',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  outcome: 'created',
  status: 'created',
  providerState: 'NEW',
  providerSessionId: 'OP0001X99',
  links: [],
  correlationKeys: [],
  payload: {},
  error: null,
  assumptions: [],
  calls: [],
  fingerprint: 'f',
  linkedDeliveries: [],
  txLookups: [],
};

describe('Escape on a session page', () => {
  it('goes back to the sessions, but not from inside a dialog', async () => {
    window.location.hash = '#/sessions/ses_1';
    renderWith(fakeTransport({ 'sessions.get': () => session, 'sessions.txLookups': () => ({ items: [] }) }).transport, <SessionPage id="ses_1" />);
    await screen.findByRole('article', { name: 'Session ses_1' });
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(window.location.hash).toBe('#/sessions/ses_1');
    dialog.remove();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(window.location.hash).toBe('#/sessions');
  });
});
