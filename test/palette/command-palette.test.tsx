// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PaletteLayer } from '../../src-renderer/features/palette/PaletteLayer.js';
import { parseRoute } from '../../src-renderer/app/router.js';
import { SHORTCUTS } from '../../src-renderer/ui/shortcuts.js';
import { takeIntent } from '../../src-renderer/ui/intents.js';
import { renderWithTransport } from '../replay/render.js';
import type { SavedView } from '../../src-shared/contract/views.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const views: SavedView[] = [
  { id: 'viw_1', name: 'Forged Paychant', filter: { provider: 'paychant', verification: 'invalid' }, createdAt: '', updatedAt: '' },
  { id: 'viw_2', name: 'Stuck payments', filter: { status: 'pending', q: 'FRG7' }, createdAt: '', updatedAt: '' },
];

const press = (key: string, init: KeyboardEventInit = {}) =>
  act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })));

function open(route = '#/dashboard', answers = {}) {
  const fake = renderWithTransport(<PaletteLayer route={parseRoute(route)} />, { 'views.list': () => ({ items: views }), ...answers });
  press('k', { ctrlKey: true });
  return { fake, field: screen.getByRole('combobox', { name: 'Go to a page or a saved view, or run an action' }) };
}

const options = () => screen.getAllByRole('option').map((o) => o.querySelector('.palette-label')!.textContent);
const activeOption = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-activedescendant')!)!.querySelector('.palette-label')!.textContent;

describe('the command palette', () => {
  it('opens on Ctrl-K (or Cmd-K) as a modal dialog whose field drives a listbox', async () => {
    const { field } = open();
    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeTruthy();
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listbox').id).toBe(field.getAttribute('aria-controls'));
    await waitFor(() => expect(options()).toContain('Forged Paychant'));
    expect(activeOption(field)).toBe('Inbox');
  });

  it('narrows as one types, moves with the arrows, and Enter opens the view: keyboard only', async () => {
    const { field } = open();
    await waitFor(() => expect(options()).toContain('Stuck payments'));
    fireEvent.change(field, { target: { value: 'pay' } });
    // Word starts first, the earlier the better (the Payments page, then the views); a scattered match ("Replay") after them.
    expect(options()).toEqual(['Payments', 'Stuck payments', 'Forged Paychant', 'Replay', 'Search deliveries for “pay”']);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(activeOption(field)).toBe('Forged Paychant');
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(activeOption(field)).toBe('Search deliveries for “pay”');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(window.location.hash).toBe('#/inbox?provider=paychant&verification=invalid');
    await waitFor(() => expect(screen.queryByRole('combobox')).toBeNull());
  });

  it('searches the inbox for text that matches nothing, or opens the payment timeline of an id', async () => {
    const { field } = open();
    fireEvent.change(field, { target: { value: 'order-7781' } });
    expect(options()).toEqual(['Search deliveries for “order-7781”', 'Open payment timeline for “order-7781”']);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(window.location.hash).toBe('#/inbox?q=order-7781');
    await waitFor(() => expect(screen.queryByRole('combobox')).toBeNull());
    press('k', { ctrlKey: true });
    const again = screen.getByRole('combobox', { name: 'Go to a page or a saved view, or run an action' });
    fireEvent.change(again, { target: { value: 'order-7781' } });
    fireEvent.keyDown(again, { key: 'ArrowDown' });
    fireEvent.keyDown(again, { key: 'Enter' });
    expect(window.location.hash).toBe('#/timeline/order-7781');
  });

  it('verifies the selected delivery again and says what came of it', async () => {
    const reverified = { verificationResult: { status: 'valid', candidatesTried: [], secretLabel: 'production' } };
    const { field, fake } = open('#/inbox?selected=dlv_7', { 'deliveries.reverify': () => reverified });
    fireEvent.change(field, { target: { value: 'verify' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Verified again\. The signature matches the “production” secret/));
    expect(fake.calls.filter((c) => c.name === 'deliveries.reverify')).toEqual([{ name: 'deliveries.reverify', input: { id: 'dlv_7' } }]);
  });

  it('asks the delivery’s replay panel to open its editor for Replay…', () => {
    const { field } = open('#/deliveries/dlv_8');
    fireEvent.change(field, { target: { value: 'replay' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(takeIntent('replay', 'dlv_8')).toBe(true);
  });

  it('copies this page’s link, without a token', async () => {
    const written: string[] = [];
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (text: string) => void written.push(text) } });
    window.history.replaceState(null, '', '/?token=t#/timeline/REF-1');
    const { field } = open('#/timeline/REF-1');
    fireEvent.change(field, { target: { value: 'copy' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied.'));
    expect(written).toEqual([`${window.location.origin}/#/timeline/REF-1`]);
  });

  it('closes on Escape without running anything', async () => {
    const { field } = open();
    const dialog = screen.getByRole('dialog', { name: 'Command palette' }) as HTMLDialogElement;
    fireEvent.keyDown(field, { key: 'Escape' });
    act(() => dialog.close());
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    expect(window.location.hash).toBe('');
  });
});

describe('the shortcuts sheet', () => {
  it('opens on ? and lists every shortcut of the one table', () => {
    renderWithTransport(<PaletteLayer route={parseRoute('#/inbox')} />, {});
    press('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(sheet).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(SHORTCUTS.map((s) => s.does));
    expect(rows[0]!.textContent).toContain('Ctrl K');
  });

  it('stays shut while one types a ? in a field', () => {
    renderWithTransport(
      <>
        <input aria-label="Search" />
        <PaletteLayer route={parseRoute('#/inbox')} />
      </>,
      {},
    );
    screen.getByRole('textbox', { name: 'Search' }).focus();
    press('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });
});
