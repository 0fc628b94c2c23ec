/**
 * What can raise an alert, as the evaluation seam: the AlertService works out the first two
 * itself (from derivation results and the listener's state); the relay's two are reported to it
 * by a source (AlertReportSource) once the relay is part of the build.
 */
import type { AlertKind } from '../../src-shared/contract/alerts.js';

export type AlertSignal =
  | { kind: 'signature_failures'; provider: string; count: number; since: string }
  | { kind: 'listener_down'; reason: string }
  /** A relay route's backend keeps failing (the relay's route health turned `failing`). */
  | { kind: 'relay_route_failing'; routeId: string; routeName: string; reason: string }
  /** A provider's retry schedule ended without an accepted answer (the relay's providerRetry `gave_up`). */
  | { kind: 'provider_gave_up'; provider: string; deliveryId: string; tries: number | null };

/** Something outside the alert service that reports signals of some kinds (the relay). */
export interface AlertReportSource {
  readonly kinds: readonly AlertKind[];
  /** Starts reporting; returns how to stop. */
  subscribe(report: (signal: AlertSignal) => void): () => void;
}

/** Whether the listener takes deliveries now, and if not why, in words. */
export type ListenerHealth = { down: false } | { down: true; reason: string };
