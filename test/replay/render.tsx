import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { fakeTransport } from '../renderer/fake-transport.js';

/** Renders a component against a fake transport whose answers the test gives. */
/** What each call answers, by call name (the fake transport's own type). */
export type TransportAnswers = Parameters<typeof fakeTransport>[0];

/** `kind` says which transport the page believes it has: a browser's HTTP (the default) or the desktop's IPC. */
export function renderWithTransport(node: ReactNode, answers: TransportAnswers, kind: 'http' | 'ipc' = 'http'): ReturnType<typeof fakeTransport> {
  const created = fakeTransport(answers);
  const fake = { ...created, transport: { ...created.transport, kind } };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={fake.transport}>{node}</TransportProvider>
    </QueryClientProvider>,
  );
  return fake;
}
