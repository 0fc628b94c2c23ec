import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { contract, type CallName } from '../../src-shared/contract/index.js';
import { Caller } from '../../src-shared/contract/people.js';
import { type Role, roleAllows, roleRefusal, sectionRefusal } from '../../src-shared/contract/roles.js';
import { useTransport } from '../transport/context.js';
import { Loading } from '../ui/States.js';

export interface Identity {
  /** Who the console's calls speak for; null while it is being asked. */
  caller: Caller | null;
  /** Why the call would be refused for this role, in the server's words; null when it is allowed (or not known yet). */
  refusal(call: CallName): string | null;
  /** The same for a part of the console: "Settings need the admin role; you are a viewer." */
  sectionRefusal(section: string, need: Role, plural?: boolean): string | null;
  /** Ends the browser's session (serve mode); absent in the desktop app. */
  signOut?: () => Promise<void>;
}

const LOCAL: Caller = { kind: 'local', name: '', role: 'admin', tokenLabel: null };

function identityOf(caller: Caller | null, signOut?: () => Promise<void>): Identity {
  const role = caller?.role ?? null;
  return {
    caller,
    refusal: (call) => (role === null || roleAllows(role, contract[call].role) ? null : roleRefusal(call, contract[call].role, role)),
    sectionRefusal: (section, need, plural) => (role === null || roleAllows(role, need) ? null : sectionRefusal(section, need, role, plural)),
    signOut,
  };
}

/** Without a provider (component tests, and before anything is known): the desktop's own user, who may do everything. */
const IdentityContext = createContext<Identity>(identityOf(LOCAL));

export const identityKey = ['account', 'me'] as const;

/**
 * Asks the console whom its calls speak for (`account.me`, the same over IPC and HTTP), so pages
 * can hide or explain what the role cannot do. Only a convenience: the server refuses anyway.
 * A change of workspace or a reconnection refetches it with everything else.
 */
export function IdentityProvider({ children, signOut }: { children: ReactNode; signOut?: () => Promise<void> }) {
  const transport = useTransport();
  const me = useQuery({ queryKey: identityKey, queryFn: async () => Caller.parse(await transport.call('account.me', {})) });
  const value = useMemo(() => identityOf(me.data ?? null, signOut), [me.data, signOut]);
  // Pages wait for the role, so that nothing is asked that it would refuse.
  if (me.isPending) return <Loading label="Opening the console…" />;
  return (
    <IdentityContext.Provider value={value}>
      {me.isError ? (
        <p className="state-error identity-problem" role="alert">
          {me.error.message}
        </p>
      ) : null}
      {children}
    </IdentityContext.Provider>
  );
}

export function useIdentity(): Identity {
  return useContext(IdentityContext);
}

/** Why this role may not make the call (in words), or null. */
export function useRefusal(call: CallName): string | null {
  return useIdentity().refusal(call);
}
