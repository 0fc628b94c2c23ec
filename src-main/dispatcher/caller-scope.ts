import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from '../../src-shared/contract/people.js';

/**
 * The caller of the contract call being handled, for what runs on its behalf (the audit log
 * records who did it without every service passing it along). Set by the dispatcher only;
 * work a call starts (a bulk replay job) keeps its caller to the end.
 */
const scope = new AsyncLocalStorage<Caller>();

export function runAs<T>(caller: Caller, work: () => T): T {
  return scope.run(caller, work);
}

/** The caller of the call in progress; undefined outside one (start-up, background pruning). */
export function currentCaller(): Caller | undefined {
  return scope.getStore();
}
