import { InboxPage } from '../features/inbox/InboxPage.js';
import { DeliveryPage } from '../features/delivery/DeliveryPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { parseRoute, useHash } from './router.js';

export function App() {
  const route = parseRoute(useHash());
  return (
    <div className="app">
      <nav className="topbar">
        <a className="brand" href="#/inbox">
          Gatewatch
        </a>
        <a href="#/inbox" aria-current={route.page === 'inbox' ? 'page' : undefined}>
          Inbox
        </a>
        <a href="#/settings" aria-current={route.page === 'settings' ? 'page' : undefined}>
          Settings
        </a>
      </nav>
      <main className="content">
        {route.page === 'delivery' ? (
          <DeliveryPage id={route.id} />
        ) : route.page === 'settings' ? (
          <SettingsPage />
        ) : (
          <InboxPage params={route.params} />
        )}
      </main>
    </div>
  );
}
