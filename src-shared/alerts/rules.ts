/**
 * What raises each alert, as data: the main process evaluates these thresholds and the console
 * describes them from the same figures, so the words in Settings cannot drift from the rule.
 */
import type { AlertKind } from '../contract/alerts.js';

const MINUTE = 60_000;

export const ALERT_RULES = {
  /** This many deliveries from one provider with an invalid signature, received within the window. */
  signature_failures: { failures: 5, windowMs: 5 * MINUTE, cooldownMs: 15 * MINUTE },
  /** The listener is checked this often (and whenever its settings change); an alert when it stops taking deliveries. */
  listener_down: { checkEveryMs: 15_000 },
  /** One alert per route when it starts failing, not again within the cooldown. */
  relay_route_failing: { cooldownMs: 30 * MINUTE },
  /** One alert per delivery whose provider stopped retrying without an accepted answer. */
  provider_gave_up: { cooldownMs: 24 * 60 * MINUTE },
} as const;

const minutes = (ms: number) => `${Math.round(ms / MINUTE)} minutes`;

/** Each kind in words, for the switches in Settings → Notifications. */
export const ALERT_KIND_WORDS: Record<AlertKind, { label: string; rule: string }> = {
  signature_failures: {
    label: 'A burst of failed signatures',
    rule: `${ALERT_RULES.signature_failures.failures} or more deliveries from one provider with an invalid signature within ${minutes(ALERT_RULES.signature_failures.windowMs)} (then quiet for ${minutes(ALERT_RULES.signature_failures.cooldownMs)} for that provider).`,
  },
  listener_down: {
    label: 'The listener is down',
    rule: 'The webhook listener stops taking deliveries: its port could not be had, or it refuses them because the disk or the storage quota is full.',
  },
  relay_route_failing: {
    label: 'A relay route is failing',
    rule: `A relay route's backend keeps failing (once per route, then quiet for ${minutes(ALERT_RULES.relay_route_failing.cooldownMs)}).`,
  },
  provider_gave_up: {
    label: 'A provider gave up retrying',
    rule: 'A provider’s retry schedule ended without an answer it accepts, so it will not send that webhook again.',
  },
};
