import { useState } from 'react';
import { useIdentity } from './identity.js';
import './account-menu.css';

const WHO: Record<string, string> = { owner: 'Console token (owner)' };

/** In the top bar: who the console speaks for and with which role, and signing out (serve mode). */
export function AccountMenu() {
  const { caller, signOut } = useIdentity();
  const [leaving, setLeaving] = useState(false);
  if (!caller || caller.kind === 'local') return null;
  return (
    <div className="account-menu">
      <span className="account-name" title={WHO[caller.kind] ?? caller.name}>
        {WHO[caller.kind] ?? caller.name}
      </span>
      <span className="badge role-badge">{caller.role}</span>
      {signOut ? (
        <button
          type="button"
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            void signOut().finally(() => setLeaving(false));
          }}
        >
          Sign out
        </button>
      ) : null}
    </div>
  );
}
