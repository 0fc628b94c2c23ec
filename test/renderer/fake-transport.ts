import type { ConsoleTransport } from '../../src-renderer/transport/types.js';
import type { PushEvent } from '../../src-shared/contract/events.js';

/** A transport whose calls are answered by the test, and whose pushes the test sends. */
export function fakeTransport(answers: Record<string, (input: any) => unknown>) {
  const listeners = new Set<(event: PushEvent) => void>();
  const calls: Array<{ name: string; input: unknown }> = [];
  const transport: ConsoleTransport = {
    kind: 'http',
    async call(name, input) {
      calls.push({ name, input });
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected call ${name}`);
      return answer(input) as never;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, push: (event: PushEvent) => listeners.forEach((l) => l(event)) };
}
