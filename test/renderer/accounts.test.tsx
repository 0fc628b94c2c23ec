// @vitest-environment happy-dom
/**
 * The console with people and roles: the sign-in form, pages explaining what a role cannot do
 * (and not asking the server for it), People and API tokens in Settings, Workspace in the desktop
 * app, and the audit log filtered by person.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import type { ConsoleTransport } from '../../src-renderer/transport/types.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { IdentityProvider } from '../../src-renderer/app/identity.js';
import { SignInPage } from '../../src-renderer/app/SignInPage.js';
import { AccountMenu } from '../../src-renderer/app/AccountMenu.js';
import { ReplayPage } from '../../src-renderer/features/replay/ReplayPage.js';
import { DeliveryReplayPanel } from '../../src-renderer/features/replay/DeliveryReplayPanel.js';
import { SettingsPage } from '../../src-renderer/features/settings/SettingsPage.js';
import { AuditPage } from '../../src-renderer/features/audit/AuditPage.js';
import type { Caller } from '../../src-shared/contract/people.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { fakeTransport, type FakeAnswers } from './fake-transport.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = (name: string, role: Caller['role']): Caller => ({ kind: 'person', name, role, tokenLabel: null });

function renderAs(caller: Caller, answers: FakeAnswers, ui: ReactNode, options: { kind?: ConsoleTransport['kind']; signOut?: () => Promise<void> } = {}) {
  const fake = fakeTransport({ 'account.me': () => caller, ...answers });
  const transport = { ...fake.transport, kind: options.kind ?? 'http' };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={transport}>
        <IdentityProvider signOut={options.signOut}>{ui}</IdentityProvider>
      </TransportProvider>
    </QueryClientProvider>,
  );
  return fake;
}

const called = (fake: ReturnType<typeof fakeTransport>) => fake.calls.map((c) => c.name);

describe('signing in', () => {
  it('asks for a name and password once people have accounts, says a refusal in words, and offers the token', async () => {
    const answers = [
      { status: 401, body: { error: { code: 'unauthorized', message: 'That name and password do not match an account on this console.' } } },
      { status: 200, body: { signedIn: true, methods: ['password', 'token'], who: person('ada', 'admin') } },
    ];
    const fetchMock = vi.fn(async () => {
      const next = answers.shift()!;
      return new Response(JSON.stringify(next.body), { status: next.status, headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const signedIn = vi.fn();
    render(<SignInPage message={null} methods={['password', 'token']} onSignedIn={signedIn} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ada' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That name and password do not match an account on this console.');
    expect(fetchMock).toHaveBeenCalledWith('/auth/sign-in', expect.objectContaining({ method: 'POST', body: '{"name":"ada","password":"a wrong password"}' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(signedIn).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: 'Use the console token instead (the owner’s)' }));
    expect(screen.getByLabelText('Console token')).toBeTruthy();
  });

  it('asks only for the token while nobody has an account', () => {
    render(<SignInPage message="The session ended." methods={['token']} onSignedIn={() => {}} />);
    expect(screen.getByLabelText('Console token')).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('The session ended.');
  });

  it('shows who is signed in and signs out', async () => {
    const signOut = vi.fn(async () => {});
    renderAs(person('vera', 'viewer'), {}, <AccountMenu />, { signOut });
    expect((await screen.findByText('vera')).getAttribute('title')).toBe('vera');
    expect(screen.getByText('viewer').className).toContain('role-badge');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalled();
  });
});

describe('what a viewer is told', () => {
  it('replay: refused in words, jobs followed but not steered, nothing asked that the role may not', async () => {
    const job = {
      id: 'job_1',
      target: { id: 't', name: 'staging', url: 'https://staging.example' },
      state: 'paused',
      concurrency: 1,
      resigned: false,
      total: 3,
      succeeded: 1,
      failed: 0,
      skipped: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      lastError: null,
      pausedReason: 'no answer',
      retryOf: null,
    };
    const fake = renderAs(
      person('vera', 'viewer'),
      { 'replay.attempts': () => ({ items: [] }), 'replay.bulk.list': () => ({ jobs: [job] }) },
      <ReplayPage params={new URLSearchParams()} />,
    );
    expect((await screen.findByRole('note')).textContent).toBe('Replay needs the operator role; you are a viewer.');
    await screen.findByText('staging');
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(called(fake)).not.toContain('replay.targets.list');
  });

  it('a delivery’s replay panel: refused in words, past replays still shown', async () => {
    const delivery = { id: 'dlv_1', provider: 'paychant', body: '{}' } as unknown as DeliveryDetail;
    const fake = renderAs(person('vera', 'viewer'), { 'replay.attempts': () => ({ items: [] }) }, <DeliveryReplayPanel delivery={delivery} />);
    expect((await screen.findByRole('note')).textContent).toBe('Replay needs the operator role; you are a viewer.');
    expect(screen.getByText('Past replays')).toBeTruthy();
    expect(called(fake)).not.toContain('replay.preview');
  });

  it('settings: refused in words, their own API tokens still theirs to make', async () => {
    const fake = renderAs(
      person('vera', 'viewer'),
      { 'tokens.list': () => ({ tokens: [] }), 'alerts.get': () => Promise.reject(new Error('not in this test')) },
      <SettingsPage />,
    );
    expect((await screen.findByRole('note')).textContent).toBe('Settings need the admin role; you are a viewer.');
    expect(await screen.findByRole('heading', { name: 'Your API tokens' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'People' })).toBeNull();
    expect(called(fake).filter((name) => ['providers.get', 'listener.status', 'retention.get', 'users.list'].includes(name))).toEqual([]);
  });
});

describe('people and tokens in Settings', () => {
  it('an admin adds a person, the refusal of a bad password said beside its field', async () => {
    const added: unknown[] = [];
    const fake = renderAs(
      person('ada', 'admin'),
      {
        'users.list': () => ({
          people: [{ name: 'ada', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', lastSignInAt: null }],
        }),
        'users.add': (input) => {
          if (input.password.length < 12)
            throw new ConsoleError({
              code: 'bad_request',
              message: 'Invalid input for users.add.',
              issues: [{ path: 'password', message: 'a password needs at least 12 characters' }],
            });
          added.push(input);
          return { name: input.name, role: input.role, disabled: false, createdAt: '', updatedAt: '', lastSignInAt: null };
        },
        'tokens.list': () => ({ tokens: [] }),
      },
      <SettingsPage />,
    );
    const form = await screen.findByRole('form', { name: 'Add a person' });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'vera' } });
    fireEvent.change(screen.getByLabelText('First password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('a password needs at least 12 characters')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('First password'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByText('Added vera as viewer.')).textContent).toBeTruthy();
    expect(added).toEqual([{ name: 'vera', role: 'viewer', password: 'a long enough password' }]);
    expect(form).toBeTruthy();
    expect(called(fake)).toContain('users.list');
  });

  it('a new token is shown once, to be copied now', async () => {
    renderAs(
      person('ada', 'admin'),
      {
        'users.list': () => ({ people: [] }),
        'tokens.list': () => ({ tokens: [] }),
        'tokens.create': (input) => ({ token: 'gwt_shown-once', id: 'tok_1', label: input.label }),
      },
      <SettingsPage />,
    );
    fireEvent.change(await screen.findByLabelText('Label'), { target: { value: 'nightly export' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make a token' }));
    expect((await screen.findByText('gwt_shown-once')).tagName).toBe('CODE');
    expect(screen.getByText('Copy it now: it is not shown again.')).toBeTruthy();
  });
});

describe('Settings → Workspace in the desktop app', () => {
  it('connects to a team server with a name and password, and says where the window’s data comes from', async () => {
    let view = { mode: 'local', url: null, person: null, role: null, remembered: false, problem: null } as Record<string, unknown>;
    const fake = renderAs(
      { kind: 'local', name: 'me', role: 'admin', tokenLabel: null },
      {
        'workspace.get': () => view,
        'workspace.connect': (input) => {
          view = { mode: 'team', url: input.url, person: input.name, role: 'operator', remembered: true, problem: null };
          return view;
        },
      },
      <SettingsPage />,
      { kind: 'ipc' },
    );
    expect(await screen.findByText('Showing this computer’s deliveries, sessions and settings.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/a team server/));
    fireEvent.change(screen.getByLabelText('Team server address'), { target: { value: 'https://gw.example.com' } });
    fireEvent.change(screen.getByLabelText('Your name there'), { target: { value: 'otto' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'otto’s password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in and connect' }));
    await waitFor(() => expect(called(fake)).toContain('workspace.connect'));
    expect(fake.calls.find((c) => c.name === 'workspace.connect')?.input).toEqual({ url: 'https://gw.example.com', name: 'otto', password: 'otto’s password' });
    expect(await screen.findByText('gw.example.com', { exact: false })).toBeTruthy();
  });
});

describe('the audit log by person', () => {
  it('filters by the person chosen', async () => {
    const fake = renderAs(
      person('ada', 'admin'),
      {
        'audit.actors': () => ({ actors: ['ada', 'owner', 'vera'] }),
        'audit.list': (input) => ({
          items: [
            {
              id: 'aud_1',
              at: '2025-01-01T00:00:00Z',
              actor: input.actor ?? 'ada',
              action: 'users.add',
              subject: 'vera',
              summary: 'Added vera as viewer',
              details: {},
            },
          ],
          nextCursor: null,
        }),
      },
      <AuditPage />,
    );
    const select = (await screen.findByLabelText('Person')) as HTMLSelectElement;
    await screen.findByRole('option', { name: 'vera' });
    fireEvent.change(select, { target: { value: 'vera' } });
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'audit.list' && (c.input as { actor?: string }).actor === 'vera')).toBe(true));
  });
});
