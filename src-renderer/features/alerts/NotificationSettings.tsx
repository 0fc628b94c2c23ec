import { useEffect, useId, useState } from 'react';
import { type AlertSettings, alertKinds } from '../../../src-shared/contract/alerts.js';
import { ALERT_KIND_WORDS } from '../../../src-shared/alerts/rules.js';
import { useTransport } from '../../transport/context.js';
import { useRefusal } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import {
  changed,
  localTimeZone,
  quietHoursProblem,
  quietHoursWords,
  settingsChange,
  timeZoneChoices,
  withKind,
  withQuietHours,
} from './alert-settings-form.js';
import { notificationApi, permissionOf, permissionWords, type NotificationPermissionState } from './browser-notifications.js';
import { useAlertsStatus, useConfigureAlerts, useTestAlert } from './useAlerts.js';
import './alerts.css';

/**
 * Settings → Notifications: whether this browser may show them (asked once, on the button), a
 * test, each kind on or off, quiet hours on the person's clock, and the latest alerts.
 */
export function NotificationSettings() {
  const status = useAlertsStatus();
  return (
    <section className="settings notification-settings" aria-label="Notifications">
      <h2>Notifications</h2>
      <BrowserPermission />
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorState error={status.error} />
      ) : (
        <AlertsForm saved={status.data.settings} unwatched={status.data.unwatched} />
      )}
      {status.data ? <RecentAlerts alerts={status.data.recent} /> : null}
    </section>
  );
}

function BrowserPermission() {
  const transport = useTransport();
  const api = notificationApi(window);
  const [permission, setPermission] = useState<NotificationPermissionState>(() => permissionOf(api));
  const test = useTestAlert();
  const testRefused = useRefusal('alerts.test');
  const { words, canAsk } = permissionWords(permission, transport.kind);
  return (
    <div className="notification-permission">
      <p>{words}</p>
      <div className="row">
        {canAsk && api ? (
          <button type="button" className="primary" onClick={() => void api.requestPermission().then(setPermission, () => setPermission(permissionOf(api)))}>
            Allow notifications in this browser
          </button>
        ) : null}
        {testRefused ? null : (
          <button type="button" disabled={test.isPending} onClick={() => test.mutate()}>
            Send a test notification
          </button>
        )}
        {test.isSuccess ? <span role="status">Sent: “{test.data.title}”.</span> : null}
      </div>
      {test.isError ? <ErrorState error={test.error} /> : null}
    </div>
  );
}

function AlertsForm({ saved, unwatched }: { saved: AlertSettings; unwatched: readonly string[] }) {
  const configure = useConfigureAlerts();
  // The switches and quiet hours are the console's: shown to everyone, changed by the roles that may.
  const refusal = useRefusal('alerts.configure');
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [saved]);
  const local = localTimeZone();
  const quiet = draft.quietHours;
  const problem = quietHoursProblem(quiet);
  const ids = { from: useId(), to: useId(), zone: useId(), problem: useId() };
  return (
    <form
      className="stack alerts-form"
      aria-label="What to notify"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem === null) configure.mutate(settingsChange(draft, saved));
      }}
    >
      <fieldset disabled={refusal !== null}>
        <legend>Notify about</legend>
        {alertKinds.map((kind) => (
          <label key={kind} className="alert-kind">
            <input type="checkbox" checked={draft.kinds[kind]} onChange={(event) => setDraft(withKind(draft, kind, event.target.checked))} />
            <span>
              <span className="alert-kind-label">{ALERT_KIND_WORDS[kind].label}</span>
              <span className="muted alert-kind-rule">
                {ALERT_KIND_WORDS[kind].rule}
                {unwatched.includes(kind) ? ' Nothing reports this yet: it comes with the relay.' : ''}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={refusal !== null}>
        <legend>Quiet hours</legend>
        <label className="alert-kind">
          <input type="checkbox" checked={quiet.enabled} onChange={(event) => setDraft(withQuietHours(draft, { enabled: event.target.checked }, local))} />
          <span>Hold notifications during these hours (alerts are still listed below)</span>
        </label>
        <div className="quiet-hours-row">
          <label htmlFor={ids.from}>From</label>
          <input
            id={ids.from}
            type="time"
            value={quiet.from}
            disabled={!quiet.enabled}
            onChange={(event) => setDraft(withQuietHours(draft, { from: event.target.value }, local))}
          />
          <label htmlFor={ids.to}>to</label>
          <input
            id={ids.to}
            type="time"
            value={quiet.to}
            disabled={!quiet.enabled}
            onChange={(event) => setDraft(withQuietHours(draft, { to: event.target.value }, local))}
          />
          <label htmlFor={ids.zone}>in</label>
          <select
            id={ids.zone}
            value={quiet.timeZone}
            disabled={!quiet.enabled}
            onChange={(event) => setDraft(withQuietHours(draft, { timeZone: event.target.value }, local))}
          >
            {timeZoneChoices(quiet.timeZone, local).map((zone) => (
              <option key={zone} value={zone}>
                {zone === local ? `${zone} (yours)` : zone}
              </option>
            ))}
          </select>
        </div>
        <p className="muted">{quietHoursWords(saved.quietHours, new Date())}</p>
        {problem ? (
          <p id={ids.problem} className="state-error" role="alert">
            {problem}
          </p>
        ) : null}
      </fieldset>
      {refusal ? (
        <RoleNotice>{refusal}</RoleNotice>
      ) : (
        <div className="row">
          <button type="submit" className="primary" disabled={!changed(draft, saved) || problem !== null || configure.isPending}>
            {configure.isPending ? 'Saving…' : 'Save notification settings'}
          </button>
          {configure.isSuccess && !changed(draft, saved) ? <span role="status">Saved.</span> : null}
        </div>
      )}
      {configure.isError ? <ErrorState error={configure.error} /> : null}
    </form>
  );
}

function RecentAlerts({ alerts }: { alerts: ReadonlyArray<{ id: string; title: string; body: string; at: string; route: string | null; held: boolean }> }) {
  return (
    <div className="recent-alerts">
      <h3>Latest alerts</h3>
      {alerts.length === 0 ? (
        <p className="muted">None since Gatewatch started.</p>
      ) : (
        <ul>
          {alerts.map((alert) => (
            <li key={alert.id}>
              <span className="recent-alert-title">{alert.route ? <a href={alert.route}>{alert.title}</a> : alert.title}</span>
              {alert.held ? <span className="badge held">held: quiet hours</span> : null}
              <span className="muted">
                {' '}
                <Time iso={alert.at} />
              </span>
              <span className="recent-alert-body">{alert.body}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
