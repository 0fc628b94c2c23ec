import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { GatewatchBridge } from '../../src-shared/contract/bridge.js';
import { type Access, startAccess } from '../transport/access.js';
import { TransportProvider } from '../transport/context.js';
import { createHttpTransport } from '../transport/http.js';
import { createIpcTransport } from '../transport/ipc.js';
import type { ConsoleTransport } from '../transport/types.js';
import { SignInPage } from './SignInPage.js';
import { ConnectionBanner } from './ConnectionBanner.js';

declare global {
  interface Window {
    gatewatch?: GatewatchBridge;
  }
}

const SESSION_ENDED = 'The console asked for the token again: Gatewatch was restarted, or this session ended.';

/** Pushes keep the data fresh, so nothing refetches on a timer or on window focus. */
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } } });

/**
 * Opens the console: the desktop bridge, or serve mode signed in by a token in the address or a
 * session cookie; otherwise the sign-in page, which keeps the address for after it. A call refused
 * for its credentials later (serve mode restarted) brings the sign-in page back.
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const [access, setAccess] = useState<Access | null>(null);
  // Once, though development's StrictMode runs effects twice: the token leaves the address on the first.
  const started = useRef<Promise<Access> | null>(null);
  useEffect(() => {
    started.current ??= startAccess(window);
    void started.current.then(setAccess);
  }, []);
  const kind = access?.kind;
  // A new transport and cache per sign-in: nothing fetched before is shown as current.
  const transport = useMemo<ConsoleTransport | null>(() => {
    if (kind === 'ipc') return createIpcTransport(window.gatewatch!);
    if (kind === 'http') return createHttpTransport(null, '', { onUnauthorized: () => setAccess({ kind: 'sign-in', message: SESSION_ENDED }) });
    return null;
  }, [kind]);
  const queryClient = useMemo(() => (transport ? newQueryClient() : null), [transport]);

  if (access === null) return null;
  if (access.kind === 'sign-in' || !transport || !queryClient) {
    return <SignInPage message={access.kind === 'sign-in' ? access.message : null} onSignedIn={() => setAccess({ kind: 'http' })} />;
  }
  return (
    <QueryClientProvider client={queryClient}>
      <TransportProvider transport={transport}>
        {children}
        <ConnectionBanner />
      </TransportProvider>
    </QueryClientProvider>
  );
}
