import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { ConsoleGate } from './app/ConsoleGate.js';
import { applyTheme, readTheme } from './ui/theme.js';
import './app/styles.css';

// Before the first paint: a dark choice never flashes light.
applyTheme(readTheme());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleGate>
      <App />
    </ConsoleGate>
  </StrictMode>,
);
