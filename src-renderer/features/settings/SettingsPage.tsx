import { ListenerSettings } from './ListenerSettings.js';
import { ProviderSettings } from './ProviderSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SessionSettings } from '../sessions/SessionSettings.js';
import { ReplayTargetsSettings } from '../replay/ReplayTargetsSettings.js';
import { RelayRoutesSettings } from '../relay/RelayRoutesSettings.js';

/** Settings, one section per feature. */
export function SettingsPage() {
  return (
    <div className="settings-page">
      <ListenerSettings />
      <ProviderSettings />
      <SessionSettings />
      <ReplayTargetsSettings />
      <RelayRoutesSettings />
      <RetentionSettings />
    </div>
  );
}
