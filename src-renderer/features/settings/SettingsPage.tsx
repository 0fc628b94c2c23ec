import { ListenerSettings } from './ListenerSettings.js';
import { ProviderSettings } from './ProviderSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SessionSettings } from '../sessions/SessionSettings.js';
import { ReplayTargetsSettings } from '../replay/ReplayTargetsSettings.js';
import { RelayRoutesSettings } from '../relay/RelayRoutesSettings.js';
import { WorkspaceSettings } from '../workspace/WorkspaceSettings.js';
import { PeopleSettings } from '../people/PeopleSettings.js';
import { TokenSettings } from '../people/TokenSettings.js';
import { useIdentity } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import { NotificationSettings } from '../alerts/NotificationSettings.js';

/** Settings, one section per feature; the console's own settings for admins, and what anyone may set for themselves. */
export function SettingsPage() {
  const refusal = useIdentity().sectionRefusal('Settings', 'admin', true);
  return (
    <div className="settings-page">
      <WorkspaceSettings />
      {refusal ? (
        <RoleNotice>{refusal}</RoleNotice>
      ) : (
        <>
          <ListenerSettings />
          <ProviderSettings />
          <SessionSettings />
          <ReplayTargetsSettings />
          <RelayRoutesSettings />
          <RetentionSettings />
        </>
      )}
      <PeopleSettings />
      <TokenSettings />
      <NotificationSettings />
    </div>
  );
}
