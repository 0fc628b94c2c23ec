/** The relay route form's state, from a saved route and to the `relay.routes.save` input. Pure. */
import type { RelayRouteSaveInput, RelayRouteView } from '../../../src-shared/contract/relay.js';
import { isProviderId } from '../../../src-shared/domain/provider.js';
import type { RelayMode } from '../../../src-shared/relay/states.js';

export interface RouteFormState {
  id: string | null;
  provider: string;
  label: string;
  url: string;
  mode: RelayMode;
  timeoutSeconds: string;
  concurrency: string;
  schedule: 'default' | 'provider' | 'custom';
  /** Seconds between tries, comma separated. */
  customDelays: string;
  simStatus: string;
  simBody: string;
  simDelayMs: string;
  /** Empty: every delivery gets the simulated answer. */
  simFailNext: string;
  simNoAnswer: boolean;
}

export function routeForm(route?: RelayRouteView): RouteFormState {
  const schedule = route?.schedule ?? { kind: 'default' as const };
  return {
    id: route?.id ?? null,
    provider: route?.provider ?? 'paychant',
    label: route?.label ?? '',
    url: route?.url ?? '',
    mode: route?.mode ?? 'passthrough',
    timeoutSeconds: String((route?.timeoutMs ?? 10_000) / 1000),
    concurrency: String(route?.concurrency ?? 8),
    schedule: schedule.kind,
    customDelays: schedule.kind === 'custom' ? schedule.delaysS.join(', ') : '',
    simStatus: String(route?.simulate?.status ?? 500),
    simBody: route?.simulate?.body ?? '',
    simDelayMs: String(route?.simulate?.delayMs ?? 0),
    simFailNext: route?.simulate?.failNext === null || route?.simulate === undefined || route.simulate === null ? '' : String(route.simulate.failNext),
    simNoAnswer: route?.simulate?.noAnswer ?? false,
  };
}

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The save input, or what is wrong with the form in words (the API checks again). */
export function routeSaveInput(form: RouteFormState, confirm = false): { input: RelayRouteSaveInput } | { error: string } {
  if (!isProviderId(form.provider)) return { error: 'Choose a provider.' };
  const seconds = Number(form.timeoutSeconds);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 120) return { error: 'The timeout is between 0.1 and 120 seconds.' };
  const concurrency = whole(form.concurrency);
  if (!(concurrency >= 1 && concurrency <= 64)) return { error: 'Concurrency is a whole number from 1 to 64.' };
  let schedule: RelayRouteSaveInput['schedule'] = { kind: form.schedule === 'custom' ? 'default' : form.schedule };
  if (form.schedule === 'custom') {
    const delays = form.customDelays
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(whole);
    if (delays.length === 0 || delays.some((d) => !(d >= 1 && d <= 86_400)))
      return { error: 'Custom delays are whole seconds from 1 to 86400, separated by commas.' };
    schedule = { kind: 'custom', delaysS: delays };
  }
  const input: RelayRouteSaveInput = {
    ...(form.id ? { id: form.id } : {}),
    provider: form.provider,
    label: form.label.trim() === '' ? null : form.label.trim(),
    url: form.url.trim() === '' ? null : form.url.trim(),
    mode: form.mode,
    timeoutMs: Math.round(seconds * 1000),
    concurrency,
    schedule,
    confirm,
  };
  if (form.mode === 'simulate') {
    const status = whole(form.simStatus);
    const delayMs = whole(form.simDelayMs);
    const failNext = form.simFailNext.trim() === '' ? null : whole(form.simFailNext);
    if (!(status >= 100 && status <= 599)) return { error: 'The simulated status is from 100 to 599.' };
    if (!(delayMs >= 0 && delayMs <= 120_000)) return { error: 'The simulated delay is from 0 to 120000 ms.' };
    if (failNext !== null && !(failNext >= 1)) return { error: '"The next N" is a whole number from 1, or empty for every delivery.' };
    input.simulate = { status, body: form.simBody, delayMs, failNext, noAnswer: form.simNoAnswer };
  }
  return { input };
}
