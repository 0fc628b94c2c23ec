import { SessionForm } from './SessionForm.js';
import { SessionList } from './SessionList.js';
import { useRefusal } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import './sessions.css';

/** Create a session by hand, the exact request beside the form; every session created so far, newest first. */
export function SessionsPage(_props: { params: URLSearchParams }) {
  const refusal = useRefusal('sessions.create');
  return (
    <div className="sessions-page">
      <section aria-label="Create a session">
        <h2>New session</h2>
        {refusal ? <RoleNotice>{refusal}</RoleNotice> : <SessionForm />}
      </section>
      <section aria-label="Sessions">
        <h2>Sessions</h2>
        <SessionList />
      </section>
    </div>
  );
}
