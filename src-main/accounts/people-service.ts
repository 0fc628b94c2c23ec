import { ApiError } from '../../src-shared/contract/errors.js';
import type { PersonView } from '../../src-shared/contract/people.js';
import type { Role } from '../../src-shared/contract/roles.js';
import type { AccountStore, PersonRecord } from '../store/accounts-types.js';
import type { AuditLog } from '../services/audit.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { Caller } from './caller.js';

export interface PeopleDeps {
  store: AccountStore;
  audit: AuditLog;
  now?: () => Date;
}

const view = ({ passwordHash: _hash, ...person }: PersonRecord): PersonView => person;

/** People who may sign in to a shared console: added, given a role, disabled, their password reset. */
export class PeopleService {
  private readonly now: () => Date;

  constructor(private readonly deps: PeopleDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async list(): Promise<PersonView[]> {
    return (await this.deps.store.listPeople()).map(view);
  }

  /** Whether anyone may sign in with a name and password (serve mode then offers it, and may listen beyond loopback). */
  async anyoneCanSignIn(): Promise<boolean> {
    return (await this.deps.store.countEnabledPeople()) > 0;
  }

  async add(input: { name: string; role: Role; password: string }): Promise<PersonView> {
    const at = this.now().toISOString();
    const record: PersonRecord = {
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      disabled: false,
      createdAt: at,
      updatedAt: at,
      lastSignInAt: null,
    };
    if (!(await this.deps.store.addPerson(record))) throw new ApiError('conflict', `There is already a person named ${input.name}.`);
    await this.deps.audit.record('users.add', input.name, `Added ${input.name} as ${input.role}`, { name: input.name, role: input.role });
    return view(record);
  }

  async setRole(name: string, role: Role, by: Caller): Promise<PersonView> {
    const person = await this.existing(name);
    if (isSelf(by, name) && person.role === 'admin' && role !== 'admin') {
      throw new ApiError('conflict', 'You cannot take the admin role from yourself: ask another admin.');
    }
    const updated = await this.update(name, { role });
    await this.deps.audit.record('users.setRole', name, `Changed ${name}’s role from ${person.role} to ${role}`, { name, from: person.role, to: role });
    return updated;
  }

  /** A disabled person cannot sign in, and their sessions and tokens stop working at once. */
  async disable(name: string, by: Caller): Promise<PersonView> {
    await this.existing(name);
    if (isSelf(by, name)) throw new ApiError('conflict', 'You cannot disable yourself: ask another admin.');
    const updated = await this.update(name, { disabled: true });
    const ended = await this.deps.store.removeSessionsOf(name);
    await this.deps.audit.record('users.disable', name, `Disabled ${name}`, { name, sessionsEnded: ended });
    return updated;
  }

  async enable(name: string): Promise<PersonView> {
    await this.existing(name);
    const updated = await this.update(name, { disabled: false });
    await this.deps.audit.record('users.enable', name, `Enabled ${name}`, { name });
    return updated;
  }

  /** A new password; the person's open sessions end (their API tokens keep working). */
  async resetPassword(name: string, password: string): Promise<PersonView> {
    await this.existing(name);
    const updated = await this.update(name, { passwordHash: await hashPassword(password) });
    const ended = await this.deps.store.removeSessionsOf(name);
    await this.deps.audit.record('users.resetPassword', name, `Set a new password for ${name}`, { name, sessionsEnded: ended });
    return updated;
  }

  /**
   * The person, when the name and password match an enabled person; null otherwise. It takes the
   * same time whether the name is unknown, disabled, or the password wrong: a hash is always checked.
   */
  async authenticate(name: string, password: string): Promise<PersonRecord | null> {
    const person = await this.deps.store.getPerson(name.trim().toLowerCase());
    const matches = await verifyPassword(password, person?.passwordHash ?? decoyHash());
    if (!person || !matches || person.disabled) return null;
    return (await this.deps.store.updatePerson(person.name, { lastSignInAt: this.now().toISOString() })) ?? person;
  }

  /** The caller a signed-in person speaks as now (their role read afresh); null once disabled or gone. */
  async callerFor(name: string): Promise<Caller | null> {
    const person = await this.deps.store.getPerson(name);
    return person && !person.disabled ? { kind: 'person', name: person.name, role: person.role, tokenLabel: null } : null;
  }

  private async existing(name: string): Promise<PersonRecord> {
    const person = await this.deps.store.getPerson(name);
    if (!person) throw new ApiError('not_found', `There is no person named ${name}.`);
    return person;
  }

  private async update(name: string, patch: Parameters<AccountStore['updatePerson']>[1]): Promise<PersonView> {
    const updated = await this.deps.store.updatePerson(name, { ...patch, updatedAt: this.now().toISOString() });
    if (!updated) throw new ApiError('not_found', `There is no person named ${name}.`);
    return view(updated);
  }
}

const isSelf = (caller: Caller, name: string) => (caller.kind === 'person' || caller.kind === 'token') && caller.name === name;
