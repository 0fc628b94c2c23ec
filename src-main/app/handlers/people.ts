import type { peopleContract } from '../../../src-shared/contract/people.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function peopleHandlers(ctx: AppContext): FeatureHandlers<typeof peopleContract> {
  const { people, tokens } = ctx.accounts;
  return {
    'account.me': async (_input, call) => call.caller,
    'users.list': async () => ({ people: await people.list() }),
    'users.add': (input) => people.add(input),
    'users.setRole': (input, call) => people.setRole(input.name, input.role, call.caller),
    'users.disable': (input, call) => people.disable(input.name, call.caller),
    'users.enable': (input) => people.enable(input.name),
    'users.resetPassword': (input) => people.resetPassword(input.name, input.password),
    'tokens.create': (input, call) => tokens.create(call.caller, input.label),
    'tokens.list': async (input, call) => ({ tokens: await tokens.list(call.caller, input.person) }),
    'tokens.revoke': async (input, call) => ({ revoked: await tokens.revoke(call.caller, input.id) }),
  };
}
