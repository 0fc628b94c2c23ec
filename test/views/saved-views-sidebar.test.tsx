// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SavedViewsSidebar } from '../../src-renderer/features/views/SavedViewsSidebar.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { IdentityProvider } from '../../src-renderer/app/identity.js';
import { renderWithTransport } from '../replay/render.js';
import type { SavedView } from '../../src-shared/contract/views.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const saved = (id: string, name: string, filter: SavedView['filter']): SavedView => ({ id, name, filter, createdAt: '', updatedAt: '' });

function sidebar(route: string, answers: Parameters<typeof renderWithTransport>[1] = {}, kind: 'http' | 'ipc' = 'http') {
  let views = [saved('viw_1', 'Forged Paychant', { provider: 'paychant', verification: 'invalid' })];
  const fake = renderWithTransport(
    <SavedViewsSidebar params={new URLSearchParams(route)} />,
    {
      'views.list': () => ({ items: views }),
      'views.save': (input) => {
        const view = saved('viw_2', input.name, input.filter);
        views = [...views, view];
        return view;
      },
      'views.delete': () => {
        views = [];
        return { deleted: true };
      },
      ...answers,
    },
    kind,
  );
  return { fake, setViews: (next: SavedView[]) => (views = next) };
}

const nav = () => screen.getByRole('navigation', { name: 'Saved views' });

describe('the saved views sidebar', () => {
  it('lists the team’s views as links to their filter, the one on screen marked as the current page', async () => {
    sidebar('provider=paychant&verification=invalid&selected=dlv_1');
    const link = await within(nav()).findByRole('link', { name: /Forged Paychant/ });
    expect(link.getAttribute('href')).toBe('#/inbox?provider=paychant&verification=invalid');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(link.textContent).toContain('Paychant · signature invalid');
    expect((screen.getByRole('button', { name: 'Save this view…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Shown: “Forged Paychant”.')).toBeTruthy();
  });

  it('saves the filter shown, search text included, under the name given', async () => {
    const { fake } = sidebar('provider=calypso&q=order-7781&retries=show');
    await within(nav()).findByRole('link', { name: /Forged Paychant/ });
    fireEvent.click(screen.getByRole('button', { name: 'Save this view…' }));
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    expect(name.value).toBe('Calypso · “order-7781”');
    fireEvent.change(name, { target: { value: 'Order 7781 on Calypso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save view' }));
    await within(nav()).findByRole('link', { name: /Order 7781 on Calypso/ });
    expect(fake.calls.filter((c) => c.name === 'views.save')).toEqual([
      { name: 'views.save', input: { name: 'Order 7781 on Calypso', filter: { provider: 'calypso', q: 'order-7781' } } },
    ]);
    expect(screen.queryByRole('form', { name: 'Save this view' })).toBeNull();
  });

  it('says a taken name beside the field before sending, and the console’s refusal too', async () => {
    const { fake } = sidebar('status=pending', {
      'views.save': () => {
        throw new ConsoleError({ code: 'conflict', message: 'A view named “Stuck” exists already: choose another name.' });
      },
    });
    await within(nav()).findByRole('link', { name: /Forged Paychant/ });
    fireEvent.click(screen.getByRole('button', { name: 'Save this view…' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'forged paychant' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save view' }));
    expect(screen.getByRole('alert').textContent).toBe('A view named “Forged Paychant” exists already: choose another name.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(fake.calls.some((c) => c.name === 'views.save')).toBe(false);
    fireEvent.change(name, { target: { value: 'Stuck' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('A view named “Stuck” exists already: choose another name.'));
  });

  it('asks before deleting a view, which goes for everyone', async () => {
    const { fake } = sidebar('');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the view “Forged Paychant”…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the view “Forged Paychant”?' });
    expect(dialog.textContent).toContain('It goes for everyone using this console.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(screen.getByText('No saved views yet.')).toBeTruthy());
    expect(fake.calls.filter((c) => c.name === 'views.delete')).toEqual([{ name: 'views.delete', input: { id: 'viw_1' } }]);
    expect((screen.getByRole('button', { name: 'Save this view…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Filter or search the inbox, then save it here for the team.')).toBeTruthy();
  });

  it('copies a view’s link (serve mode only), and follows views someone else saved', async () => {
    const written: string[] = [];
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (text: string) => void written.push(text) } });
    window.history.replaceState(null, '', '/?token=t#/inbox');
    const { fake, setViews } = sidebar('');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy the link to “Forged Paychant”' }));
    await waitFor(() => expect(written).toEqual([`${window.location.origin}/#/inbox?provider=paychant&verification=invalid`]));
    setViews([saved('viw_9', 'From a colleague', { environment: 'sandbox' })]);
    fake.push({ type: 'views.changed' });
    expect(await within(nav()).findByRole('link', { name: /From a colleague/ })).toBeTruthy();
  });

  it('offers no link copy in the desktop window', async () => {
    sidebar('', {}, 'ipc');
    await screen.findByRole('button', { name: 'Delete the view “Forged Paychant”…' });
    expect(screen.queryByRole('button', { name: /Copy the link/ })).toBeNull();
  });

  it('lets a viewer open and copy views, and says why saving and deleting are not theirs', async () => {
    renderWithTransport(
      <IdentityProvider>
        <SavedViewsSidebar params={new URLSearchParams('provider=paychant')} />
      </IdentityProvider>,
      {
        'account.me': () => ({ kind: 'person', name: 'vic', role: 'viewer', tokenLabel: null }),
        'views.list': () => ({ items: [saved('viw_1', 'Forged Paychant', { provider: 'paychant', verification: 'invalid' })] }),
      },
    );
    await within(await screen.findByRole('navigation', { name: 'Saved views' })).findByRole('link', { name: /Forged Paychant/ });
    expect(screen.getByText('Changing saved views needs the operator role; you are a viewer.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save this view…' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete the view/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy the link to “Forged Paychant”' })).toBeTruthy();
  });
});
