import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { ConsoleGate } from './app/ConsoleGate.js';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleGate>
      <App />
    </ConsoleGate>
  </StrictMode>,
);
