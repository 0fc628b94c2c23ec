import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App.js';
import { TransportProvider } from './transport/context.js';
import { selectTransport } from './transport/select.js';
import './app/styles.css';

const transport = selectTransport();
const root = createRoot(document.getElementById('root')!);

if ('error' in transport) {
  root.render(<p className="state state-error">{transport.error}</p>);
} else {
  // Pushes keep the data fresh, so nothing refetches on a timer or on window focus.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } },
  });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TransportProvider transport={transport}>
          <App />
        </TransportProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
