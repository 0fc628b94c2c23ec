/**
 * Alerts, evaluated in the main process: a burst of failed signatures (from derivation results),
 * the listener down (its state, checked now and then and whenever its settings change), and what
 * a source reports (the relay's failing routes, providers that gave up retrying). Each alert is
 * checked against the switches and the quiet hours, kept in a short list, and pushed as an
 * `alert` event: the browser console shows it with the Notification API, the desktop app as a
 * system notification.
 */
import { type Alert, type AlertKind, alertKinds, type AlertSettingsChange, type AlertsStatus } from '../../src-shared/contract/alerts.js';
import { ALERT_RULES } from '../../src-shared/alerts/rules.js';
import { inQuietHours } from '../../src-shared/alerts/quiet-hours.js';
import type { PushBus } from '../events/bus.js';
import { newId } from '../store/ids.js';
import type { AlertSettingsService } from './alert-settings.js';
import { alertText, dedupeKey, type AlertText } from './alert-text.js';
import { type SignatureFailure, SignatureBurstWindow } from './signature-burst.js';
import type { AlertReportSource, AlertSignal, ListenerHealth } from './signals.js';

/** Alerts kept for Settings → Notifications. */
const RECENT = 50;

/** The kinds the service works out itself; the others need a source. */
const OWN_KINDS: readonly AlertKind[] = ['signature_failures', 'listener_down'];

const COOLDOWN_MS: Partial<Record<AlertKind, number>> = {
  relay_route_failing: ALERT_RULES.relay_route_failing.cooldownMs,
  provider_gave_up: ALERT_RULES.provider_gave_up.cooldownMs,
};

export interface AlertServiceDeps {
  settings: AlertSettingsService;
  bus: PushBus;
  listenerHealth: () => ListenerHealth;
  sources?: readonly AlertReportSource[];
  now?: () => Date;
  log?: (message: string) => void;
  /** How often the listener is checked; the rule's by default. */
  checkEveryMs?: number;
}

export class AlertService {
  private readonly bursts = new SignatureBurstWindow(ALERT_RULES.signature_failures);
  private readonly recent: Alert[] = [];
  private readonly lastRaised = new Map<string, number>();
  private listenerDown = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly stops: Array<() => void> = [];

  constructor(private readonly deps: AlertServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Loads the settings, listens to the sources and checks the listener (now, then on a timer). */
  async start(): Promise<void> {
    await this.deps.settings.load();
    for (const source of this.deps.sources ?? []) this.stops.push(source.subscribe((signal) => this.report(signal)));
    this.stops.push(
      this.deps.bus.subscribe((event) => {
        if (event.type === 'listener.changed') this.checkListener();
      }),
    );
    this.checkListener();
    this.timer = setInterval(() => {
      this.checkListener();
      this.bursts.prune(this.now().getTime());
    }, this.deps.checkEveryMs ?? ALERT_RULES.listener_down.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const stop of this.stops.splice(0)) stop();
  }

  status(): AlertsStatus {
    const watched = new Set([...OWN_KINDS, ...(this.deps.sources ?? []).flatMap((s) => s.kinds)]);
    return { settings: this.deps.settings.get(), recent: [...this.recent], unwatched: alertKinds.filter((kind) => !watched.has(kind)) };
  }

  async configure(change: AlertSettingsChange): Promise<AlertsStatus> {
    await this.deps.settings.save(change);
    return this.status();
  }

  /** Invalid signatures just worked out; a provider reaching the threshold raises an alert. */
  signatureFailures(failures: readonly SignatureFailure[]): void {
    if (!this.deps.settings.get().kinds.signature_failures) return;
    for (const burst of this.bursts.add(failures, this.now().getTime())) {
      this.report({ kind: 'signature_failures', provider: burst.provider, count: burst.count, since: new Date(burst.since).toISOString() });
    }
  }

  /** An alert when the listener goes from taking deliveries to not; none while it stays down. */
  checkListener(): void {
    const health = this.deps.listenerHealth();
    const wasDown = this.listenerDown;
    this.listenerDown = health.down;
    if (health.down && !wasDown) this.report({ kind: 'listener_down', reason: health.reason });
  }

  /** Raises an alert for a signal unless its kind is off or it was raised within its cooldown. */
  report(signal: AlertSignal): Alert | null {
    if (!this.deps.settings.get().kinds[signal.kind]) return null;
    const key = dedupeKey(signal);
    const now = this.now().getTime();
    if (key !== null) {
      const last = this.lastRaised.get(key);
      if (last !== undefined && now - last < (COOLDOWN_MS[signal.kind] ?? 0)) return null;
      this.lastRaised.set(key, now);
    }
    return this.raise(signal.kind, alertText(signal), false);
  }

  /** A test alert from Settings: sent whatever the switches and quiet hours say. */
  test(): Alert {
    return this.raise('test', { title: 'Gatewatch test notification', body: 'Notifications from this console arrive here.', route: '#/settings' }, true);
  }

  private raise(kind: Alert['kind'], text: AlertText, always: boolean): Alert {
    const at = this.now();
    const held = !always && inQuietHours(at, this.deps.settings.get().quietHours);
    const alert: Alert = { id: newId('alr', at.getTime()), kind, at: at.toISOString(), ...text, held };
    this.recent.unshift(alert);
    this.recent.length = Math.min(this.recent.length, RECENT);
    if (!held) this.deps.bus.publish({ type: 'alert', alert });
    this.deps.log?.(`alert: ${alert.title}${held ? ' (held: quiet hours)' : ''}`);
    return alert;
  }
}
