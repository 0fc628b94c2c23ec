// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { CopyLinkButton } from '../../src-renderer/ui/CopyLinkButton.js';
import { shareableLink } from '../../src-renderer/ui/share-link.js';
import { renderWithTransport } from '../replay/render.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function clipboard() {
  const written: string[] = [];
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (text: string) => void written.push(text) } });
  return written;
}

describe('Copy link', () => {
  it('copies the view on screen, filters and all, never a token', async () => {
    const written = clipboard();
    window.history.replaceState(null, '', '/?token=secret-token#/inbox?provider=paychant&status=failed');
    renderWithTransport(<CopyLinkButton />, {});
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(written).toEqual([`${window.location.origin}/#/inbox?provider=paychant&status=failed`]));
  });

  it('copies a named view (a delivery, a timeline) on this console', async () => {
    const written = clipboard();
    window.history.replaceState(null, '', '/#/inbox?selected=dlv_1');
    renderWithTransport(<CopyLinkButton route="#/deliveries/dlv_1" />, {});
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(written).toEqual([`${window.location.origin}/#/deliveries/dlv_1`]));
    expect(shareableLink('http://127.0.0.1:8788/?token=t#/timeline/REF-1')).toBe('http://127.0.0.1:8788/#/timeline/REF-1');
  });

  it('is not offered in the desktop window, whose address opens nowhere else', () => {
    renderWithTransport(<CopyLinkButton />, {}, 'ipc');
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });
});
