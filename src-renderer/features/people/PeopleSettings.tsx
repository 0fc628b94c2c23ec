import { useId, useState } from 'react';
import type { PersonView } from '../../../src-shared/contract/people.js';
import { type Role, roles } from '../../../src-shared/contract/roles.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useIdentity } from '../../app/identity.js';
import { fieldIssue, ROLE_WORDS } from './role-words.js';
import { useChangePerson, usePeople } from './usePeople.js';
import './people.css';

/** Settings → People (admins of a shared console): who may sign in, with which role. */
export function PeopleSettings() {
  const { caller } = useIdentity();
  if (!caller || caller.kind === 'local' || caller.role !== 'admin') return null;
  return <People me={caller.name} />;
}

function People({ me }: { me: string }) {
  const people = usePeople();
  return (
    <section className="settings people" aria-label="People">
      <h2>People</h2>
      <ul className="role-words">
        {roles.map((role) => (
          <li key={role}>
            <strong>{role}</strong>: {ROLE_WORDS[role]}
          </li>
        ))}
      </ul>
      {people.isPending ? <Loading label="Loading people…" /> : null}
      {people.isError ? <ErrorState error={people.error} /> : null}
      {people.data ? (
        <table className="people-table" aria-label="People">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.data.people.map((person) => (
              <PersonRow key={person.name} person={person} self={person.name === me} />
            ))}
          </tbody>
        </table>
      ) : null}
      <AddPerson />
    </section>
  );
}

function PersonRow({ person, self }: { person: PersonView; self: boolean }) {
  const change = useChangePerson();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  return (
    <tr data-person={person.name}>
      <td>
        {person.name}
        {self ? <span className="muted"> (you)</span> : null}
      </td>
      <td>
        <select
          aria-label={`Role of ${person.name}`}
          value={person.role}
          disabled={change.isPending || self}
          title={self ? 'Your own role is changed by another admin.' : undefined}
          onChange={(e) => change.mutate({ kind: 'setRole', input: { name: person.name, role: e.target.value as Role } })}
        >
          {roles.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
      </td>
      <td>{person.disabled ? <span className="person-disabled">disabled</span> : 'active'}</td>
      <td>{person.lastSignInAt ? <Time iso={person.lastSignInAt} /> : <span className="muted">never</span>}</td>
      <td>
        <div className="person-actions">
          {self ? null : (
            <button
              type="button"
              disabled={change.isPending}
              onClick={() => change.mutate({ kind: person.disabled ? 'enable' : 'disable', input: { name: person.name } })}
            >
              {person.disabled ? `Enable ${person.name}` : `Disable ${person.name}`}
            </button>
          )}
          {resetting ? (
            <form
              className="inline-form"
              aria-label={`New password for ${person.name}`}
              onSubmit={(e) => {
                e.preventDefault();
                change.mutate({ kind: 'resetPassword', input: { name: person.name, password } }, { onSuccess: () => setResetting(false) });
              }}
            >
              <input
                type="password"
                autoComplete="new-password"
                aria-label={`New password for ${person.name}`}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <button type="submit" disabled={change.isPending || password === ''}>
                Save
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setResetting(true)}>
              New password…
            </button>
          )}
          {change.isError ? (
            <ErrorState error={fieldIssue(change.error, 'password') ? new Error(fieldIssue(change.error, 'password')!) : change.error} />
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function AddPerson() {
  const change = useChangePerson();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const ids = { name: useId(), role: useId(), password: useId() };
  const issue = (field: string) => fieldIssue(change.error, field);
  return (
    <form
      className="add-person"
      aria-label="Add a person"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate(
          { kind: 'add', input: { name, role, password } },
          {
            onSuccess: () => {
              setName('');
              setPassword('');
            },
          },
        );
      }}
    >
      <h3>Add a person</h3>
      <div className="add-person-fields">
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            value={name}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={issue('name') !== null}
            aria-describedby={issue('name') ? `${ids.name}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {issue('name') ? (
            <span id={`${ids.name}-error`} className="field-error">
              {issue('name')}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.password}>First password</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={issue('password') !== null}
            aria-describedby={issue('password') ? `${ids.password}-error` : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {issue('password') ? (
            <span id={`${ids.password}-error`} className="field-error">
              {issue('password')}
            </span>
          ) : null}
        </div>
        <button type="submit" className="primary" disabled={change.isPending || name.trim() === '' || password === ''}>
          Add
        </button>
      </div>
      <p className="muted">Give them the password by a way of your own; they sign in with it at the console’s address.</p>
      {change.isError && !change.error.message.startsWith('Invalid input') ? <ErrorState error={change.error} /> : null}
      {change.isSuccess ? (
        <p role="status">
          Added {change.data.name} as {change.data.role}.
        </p>
      ) : null}
    </form>
  );
}
