import type { ConsoleTransport } from '../../src-renderer/transport/types.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { CallInput, CallName } from '../../src-shared/contract/index.js';

/** What each call answers, by call name: given the call's input, the output (or a throw, for an error). */
export type FakeAnswers = { [K in CallName]?: (input: CallInput<K>) => unknown };

/** A transport whose calls are answered by the test, and whose pushes the test sends. */
export function fakeTransport(answers: FakeAnswers) {
  const listeners = new Set<(event: PushEvent) => void>();
  const calls: Array<{ name: string; input: unknown }> = [];
  const transport: ConsoleTransport = {
    kind: 'http',
    async call(name, input) {
      calls.push({ name, input });
      const answer = answers[name] as ((input: unknown) => unknown) | undefined;
      if (!answer) throw new Error(`unexpected call ${name}`);
      return answer(input) as never;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const push = (event: PushEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { transport, calls, push };
}
