import type { Route } from './router.js';

/** The console's pages, in the top bar and in the command palette. */
export const NAV: Array<{ page: Route['page']; href: string; label: string; also?: Array<Route['page']> }> = [
  { page: 'inbox', href: '#/inbox', label: 'Inbox', also: ['delivery'] },
  { page: 'payments', href: '#/payments', label: 'Payments', also: ['timeline'] },
  { page: 'dashboard', href: '#/dashboard', label: 'Dashboard' },
  { page: 'sessions', href: '#/sessions', label: 'Sessions', also: ['session'] },
  { page: 'replay', href: '#/replay', label: 'Replay' },
  { page: 'audit', href: '#/audit', label: 'Audit' },
  { page: 'import', href: '#/import', label: 'Import' },
  { page: 'settings', href: '#/settings', label: 'Settings' },
];
