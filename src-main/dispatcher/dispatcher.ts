import { z } from 'zod';
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '../../src-shared/contract/index.js';
import { ApiError, type ApiIssue } from '../../src-shared/contract/errors.js';

export type CallHandlers = { [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>> };

export interface Dispatcher {
  /** Validates the input, runs the call, validates the output. Throws only ApiError. */
  call(name: string, input: unknown): Promise<unknown>;
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
  return {
    async call(name, rawInput) {
      if (!isCallName(name)) throw new ApiError('not_found', `There is no call named "${name}".`);
      const spec = contract[name];
      const input = spec.input.safeParse(rawInput ?? {});
      if (!input.success) throw new ApiError('bad_request', `Invalid input for ${name}.`, issuesOf(input.error));
      try {
        const handler = handlers[name] as (input: unknown) => Promise<unknown>;
        const output = await handler(input.data);
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
