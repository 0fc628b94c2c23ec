import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { GatewatchBridge } from '../../src-shared/contract/bridge.js';
import { type Access, signInMethods, signOut, startAccess } from '../transport/access.js';
import { TransportProvider } from '../transport/context.js';
import { createHttpTransport } from '../transport/http.js';
import { createIpcTransport } from '../transport/ipc.js';
import type { ConsoleTransport } from '../transport/types.js';
import { SignInPage } from './SignInPage.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { IdentityProvider } from './identity.js';

declare global {
  interface Window {
    gatewatch?: GatewatchBridge;
  }
}

const SESSION_ENDED = 'The console asked you to sign in again: the session ended (signed out, timed out, or Gatewatch was restarted).';

/** Pushes keep the data fresh, so nothing refetches on a timer or on window focus. */
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } } });

/**
 * Opens the console: the desktop bridge, or serve mode signed in by a token in the address or a
 * session cookie; otherwise the sign-in page (a name and password, or the token), which keeps the
 * address for after it. A call refused for its credentials later (the session ended, serve mode
 * restarted) brings the sign-in page back; so does signing out.
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const [access, setAccess] = useState<Access | null>(null);
  // Once, though development's StrictMode runs effects twice: the token leaves the address on the first.
  const started = useRef<Promise<Access> | null>(null);
  useEffect(() => {
    started.current ??= startAccess(window);
    void started.current.then(setAccess);
  }, []);
  const askToSignIn = useCallback((message: string | null) => {
    void signInMethods().then((methods) => setAccess({ kind: 'sign-in', message, methods }));
  }, []);
  const kind = access?.kind;
  // A new transport and cache per sign-in: nothing fetched before is shown as current.
  const transport = useMemo<ConsoleTransport | null>(() => {
    if (kind === 'ipc') return createIpcTransport(window.gatewatch!);
    if (kind === 'http') return createHttpTransport(null, '', { onUnauthorized: () => askToSignIn(SESSION_ENDED) });
    return null;
  }, [kind, askToSignIn]);
  const queryClient = useMemo(() => (transport ? newQueryClient() : null), [transport]);
  const endSession = useMemo(() => (kind === 'http' ? () => signOut().then(() => askToSignIn(null)) : undefined), [kind, askToSignIn]);

  if (access === null) return null;
  if (access.kind === 'sign-in' || !transport || !queryClient) {
    return (
      <SignInPage
        message={access.kind === 'sign-in' ? access.message : null}
        methods={access.kind === 'sign-in' ? access.methods : ['token']}
        onSignedIn={() => setAccess({ kind: 'http' })}
      />
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <TransportProvider transport={transport}>
        <IdentityProvider signOut={endSession}>{children}</IdentityProvider>
        <ConnectionBanner />
      </TransportProvider>
    </QueryClientProvider>
  );
}
