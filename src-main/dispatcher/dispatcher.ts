import { z } from 'zod';
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '../../src-shared/contract/index.js';
import { ApiError, type ApiIssue } from '../../src-shared/contract/errors.js';
import { roleAllows, roleRefusal } from '../../src-shared/contract/roles.js';
import { localCaller, type Caller } from '../accounts/caller.js';
import { runAs } from './caller-scope.js';

/** Which transport carried a call: the desktop window's IPC, or serve mode's HTTP API. */
export type Transport = 'ipc' | 'http';

/** What a handler knows of the call besides its input: who made it, and over what. */
export interface CallContext {
  /** True only for the desktop window's IPC: the user at the machine, not anything holding a token. */
  fromDesktop: boolean;
  /** Who the call speaks for (its role already checked against the contract's). */
  caller: Caller;
}

export type CallHandlers = { [K in CallName]: (input: ParsedInput<K>, call: CallContext) => Promise<CallOutput<K>> };

export interface Dispatcher {
  /**
   * Checks who may make the call, validates the input, runs the call, validates the output.
   * Throws only ApiError. A call the contract marks desktop-only is refused unless the transport
   * says it is the desktop's IPC; a caller whose role is below the call's is refused in words.
   * Without a caller, IPC (and a direct call) speaks for the desktop's user; HTTP for nobody.
   */
  call(name: string, input: unknown, transport?: Transport, caller?: Caller): Promise<unknown>;
}

/** The refusal, in words, when this transport may not make this call; null when it may. */
export function transportRefusal(name: CallName, transport: Transport | undefined): string | null {
  const spec = contract[name];
  return 'desktopOnly' in spec && transport !== 'ipc' ? spec.desktopOnly : null;
}

export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * The one implementation of the console API. Both transports hand it a call name and raw input.
 * Outputs are parsed too: that strips any field a schema does not name, so nothing a service
 * holds (a secret, an internal column) can leak to the renderer by accident.
 */
export function createDispatcher(handlers: CallHandlers, onInternalError: (error: unknown) => void = () => {}): Dispatcher {
  const desktopUser = localCaller();
  return {
    async call(name, rawInput, transport, caller) {
      if (!isCallName(name)) throw new ApiError('not_found', `There is no call named "${name}".`);
      const refusal = transportRefusal(name, transport);
      if (refusal !== null) throw new ApiError('forbidden', refusal);
      const spec = contract[name];
      // The one place roles are checked: before the input is even read.
      const who = caller ?? (transport === 'http' ? null : desktopUser);
      if (who === null) throw new ApiError('unauthorized', 'This call does not say who it is from.');
      if (!roleAllows(who.role, spec.role)) throw new ApiError('forbidden', roleRefusal(name, spec.role, who.role));
      const input = spec.input.safeParse(rawInput ?? {});
      if (!input.success) throw new ApiError('bad_request', `Invalid input for ${name}.`, issuesOf(input.error));
      try {
        const handler = handlers[name] as (input: unknown, call: CallContext) => Promise<unknown>;
        const output = await runAs(who, () => handler(input.data, { fromDesktop: transport === 'ipc', caller: who }));
        return spec.output.parse(output);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        onInternalError(error);
        if (error instanceof z.ZodError) throw new ApiError('internal', `The ${name} result did not match its schema.`);
        throw new ApiError('internal', `${name} failed unexpectedly.`);
      }
    },
  };
}
