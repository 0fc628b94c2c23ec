import { DeliveryPage } from '../features/delivery/DeliveryPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { TimelinePage } from '../features/timeline/TimelinePage.js';
import { PaymentsPage } from '../features/timeline/PaymentsPage.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { SessionsPage } from '../features/sessions/SessionsPage.js';
import { SessionPage } from '../features/sessions/SessionPage.js';
import { ReplayPage } from '../features/replay/ReplayPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { ImportPage } from '../features/interop/ImportPage.js';
import { parseRoute, useHash, type Route } from './router.js';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { AccountMenu } from './AccountMenu.js';
import { NAV } from './nav.js';
import { InboxWithViews } from '../features/views/InboxWithViews.js';
import { PaletteLayer } from '../features/palette/PaletteLayer.js';
import { useBrowserNotifications } from '../features/alerts/useBrowserNotifications.js';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'delivery':
      return <DeliveryPage id={route.id} params={route.params} />;
    case 'timeline':
      // Keyed: another key is another page (its lookup field starts from it).
      return <TimelinePage key={route.key} correlationKey={route.key} inboxParams={route.params} />;
    case 'payments':
      return <PaymentsPage q={route.q} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'sessions':
      return <SessionsPage params={route.params} />;
    case 'session':
      return <SessionPage id={route.id} />;
    case 'replay':
      return <ReplayPage params={route.params} />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return <ImportPage />;
    case 'inbox':
      return <InboxWithViews params={route.params} />;
  }
}

export function App() {
  const route = parseRoute(useHash());
  useBrowserNotifications();
  return (
    <div className="app">
      <nav className="topbar">
        <a className="brand" href="#/inbox">
          Gatewatch
        </a>
        {NAV.map((item) => (
          <a key={item.page} href={item.href} aria-current={item.page === route.page || item.also?.includes(route.page) ? 'page' : undefined}>
            {item.label}
          </a>
        ))}
        <ThemeToggle />
        <AccountMenu />
      </nav>
      <main className="content">
        <Page route={route} />
      </main>
      <PaletteLayer route={route} />
    </div>
  );
}
