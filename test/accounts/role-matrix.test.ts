/**
 * Every contract call × every role, through serve mode's HTTP API with each role's own API token:
 * a call the role allows is never refused for it; one it does not is 403 with the words the
 * renderer shows ("Replay needs the operator role; you are a viewer."). Desktop-only calls are
 * refused over HTTP whatever the role. Runs against every store backend in
 * test/helpers/store-backends.ts (SQLite today; PostgreSQL adds itself there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../src-shared/contract/index.js';
import { roleAllows, roleRefusal, roles, type Role } from '../../src-shared/contract/roles.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';

/** The policy, spelled out: a role changed in the contract shows up here as a deliberate edit. */
const ADMIN_ONLY = [
  'alerts.configure',
  'deliveries.revealHeaders',
  'listener.configure',
  'providers.configure',
  'relay.pause',
  'relay.resume',
  'relay.routes.delete',
  'relay.routes.save',
  'replay.targets.remove',
  'replay.targets.save',
  'retention.configure',
  'retention.get',
  'retention.preview',
  'retention.pruneNow',
  'sessions.settings.save',
  'users.add',
  'users.disable',
  'users.enable',
  'users.list',
  'users.resetPassword',
  'users.setRole',
];
const OPERATOR_AND_UP = [
  'alerts.test',
  'deliveries.import',
  'providers.get',
  'relay.retry',
  'replay.bulk.cancel',
  'replay.bulk.count',
  'replay.bulk.resume',
  'replay.bulk.retryFailed',
  'replay.bulk.start',
  'replay.preview',
  'replay.send',
  'replay.targets.list',
  'sessions.create',
  'sessions.lookupWithdrawTx',
  'sessions.mockDeposit',
  'sessions.preview',
  'sessions.refresh',
  'sessions.settings.get',
  'views.delete',
  'views.save',
];

const desktopOnly = (name: CallName): string | null => {
  const spec = contract[name];
  return 'desktopOnly' in spec ? spec.desktopOnly : null;
};

describe.each(storeBackends)('the call × role matrix on $name', (backend) => {
  let opened: OpenedStore;
  let gw: TestConsole;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    opened = await backend.open();
    gw = await startTestConsole({ dataDir: opened.dataDir }, { store: opened.store });
    for (const role of roles) {
      const name = `matrix-${role}`;
      expect((await gw.api('users.add', { name, role, password: `a long password for ${role}` })).status).toBe(200);
      const made = await gw.gatewatch.context.accounts.tokens.create({ kind: 'person', name, role, tokenLabel: null }, 'matrix');
      tokens[role] = made.token;
    }
  }, 60_000);

  afterAll(async () => {
    await gw.close({ keepData: true });
    await opened.remove();
  });

  const call = async (name: string, bearer: string) => {
    const response = await fetch(`${gw.consoleOrigin}/api/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await response.json()) as { error?: { code: string; message: string } };
    return { status: response.status, error: body.error };
  };

  it('declares the roles the policy says', () => {
    const need = (role: Role) => callNames.filter((name) => contract[name].role === role).sort();
    expect(need('admin')).toEqual(ADMIN_ONLY.filter((name) => callNames.includes(name as CallName)).sort());
    expect(need('operator')).toEqual(OPERATOR_AND_UP.filter((name) => callNames.includes(name as CallName)).sort());
  });

  it('allows or refuses every call for every role, in words', async () => {
    const wrong: string[] = [];
    for (const name of callNames) {
      for (const role of roles) {
        const { status, error } = await call(name, tokens[role]);
        const onlyDesktop = desktopOnly(name);
        if (onlyDesktop !== null) {
          if (status !== 403 || error?.message !== onlyDesktop) wrong.push(`${name} as ${role}: ${status} ${error?.message} (expected desktop-only refusal)`);
        } else if (roleAllows(role, contract[name].role)) {
          if (status === 403) wrong.push(`${name} as ${role}: refused (${error?.message}) though the role allows it`);
        } else if (status !== 403 || error?.message !== roleRefusal(name, contract[name].role, role)) {
          wrong.push(`${name} as ${role}: ${status} ${error?.message ?? ''} (expected 403: ${roleRefusal(name, contract[name].role, role)})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('gives the console token (the owner) admin rights, and refuses anything else', async () => {
    for (const name of callNames) {
      const { status } = await call(name, gw.token);
      expect(status === 403, name).toBe(desktopOnly(name) !== null);
    }
    expect((await call('deliveries.list', 'gwt_not-a-token-at-all')).status).toBe(401);
  }, 60_000);

  it('says the refusal as a person would read it', async () => {
    expect((await call('replay.send', tokens.viewer)).error?.message).toBe('Replay needs the operator role; you are a viewer.');
    expect((await call('providers.configure', tokens.operator)).error?.message).toBe(
      'Changing provider credentials and secrets needs the admin role; you are an operator.',
    );
    expect((await call('users.add', tokens.viewer)).error?.message).toBe('Managing people needs the admin role; you are a viewer.');
  });
});
