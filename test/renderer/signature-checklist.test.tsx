// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { VerificationPanel } from '../../src-renderer/features/delivery/VerificationPanel.js';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import { ProviderSettings } from '../../src-renderer/features/settings/ProviderSettings.js';
import type { DeliverySummary } from '../../src-shared/domain/delivery.js';
import type { VerificationResult } from '../../src-shared/domain/verification.js';
import type { ProviderConfigView } from '../../src-shared/contract/providers.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

beforeAll(() => {
  Element.prototype.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect;
  for (const [name, value] of [
    ['clientHeight', 800],
    ['clientWidth', 1200],
    ['offsetHeight', 800],
    ['offsetWidth', 1200],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
});

const scheme = { header: 'paychant-signature', algorithm: 'HMAC-SHA512', encoding: 'hex', signedContent: 'the JSON body' };
const HEX512 = 'hex HMAC-SHA512 (128 characters)';
const checks = (shaped: boolean | null, secrets: NonNullable<VerificationResult['checks']>['secrets']): VerificationResult['checks'] => ({
  header: { name: 'paychant-signature', values: shaped === null ? 0 : 1, present: shaped !== null, shaped, shape: HEX512 },
  secrets,
});

function panel(result: VerificationResult) {
  render(<VerificationPanel result={result} provider="paychant" onReverify={() => {}} />);
  const region = screen.getByRole('region', { name: 'Signature verification' });
  const lines = Array.from(within(region).getByTestId('signature-checklist').children).map((li) => li.textContent);
  const steps = within(region).queryByRole('list', { name: 'What to do' });
  return { region, lines, steps: steps ? Array.from(steps.querySelectorAll('li')).map((li) => li.textContent ?? '') : [] };
}

describe('the signature panel as a checklist', () => {
  it('shows a header that is present but not shaped like the digest, each secret and each form tried, and the step that fits', () => {
    const { lines, steps, region } = panel({
      status: 'invalid',
      scheme,
      candidatesTried: ['raw bytes', 'JS-style JSON'],
      diagnosis: 'the paychant-signature header is not shaped like hex HMAC-SHA512 (128 characters): it has 15 characters',
      checks: checks(false, [
        { label: 'production', outcome: 'no-match' },
        { label: 'sandbox', outcome: 'no-match' },
      ]),
    });
    expect(lines).toEqual([
      '✓yes: Header paychant-signature present',
      `✗no: Shaped like the digest: ${HEX512} — it is not: the header holds something else`,
      '✗no: Secret “production” — does not produce it',
      '✗no: Secret “sandbox” — does not produce it',
      '✗no: 2 forms of the body tried✗no: raw bytes✗no: JS-style JSON',
    ]);
    expect(steps[0]).toMatch(/^The header does not hold a hex HMAC-SHA512 \(128 characters\) value: check that Paychant signs this endpoint/);
    // Not the advice for a wrong secret: the header is the problem.
    expect(steps.join(' ')).not.toContain('sandbox and production secrets differ');
    expect(within(region).getByRole('button', { name: 'Verify again' })).toBeTruthy();
  });

  it('asks to compare the secrets when the header is well shaped but no secret produces it', () => {
    const { lines, steps } = panel({
      status: 'invalid',
      scheme,
      candidatesTried: ['raw bytes'],
      checks: checks(true, [{ label: 'production', outcome: 'no-match' }]),
    });
    expect(lines[1]).toBe(`✓yes: Shaped like the digest: ${HEX512}`);
    expect(steps[0]).toContain('sandbox and production secrets differ');
    expect(steps.at(-1)).toBe('After fixing it, use “Verify again”.');
  });

  it('tells a secret that needs trimming, and one the Key header did not select', () => {
    expect(
      panel({
        status: 'invalid',
        scheme,
        candidatesTried: ['raw bytes'],
        matched: 'raw bytes',
        checks: checks(true, [{ label: 'production', outcome: 'matched-trimmed' }]),
      }).steps[0],
    ).toBe('Enter the “production” secret again under Settings without the spaces or line break around it.');
    cleanup();
    expect(
      panel({
        status: 'invalid',
        scheme,
        candidatesTried: ['raw bytes'],
        matched: 'raw bytes',
        checks: checks(true, [{ label: 'sub B', outcome: 'matched-not-selected' }]),
      }).steps[0],
    ).toMatch(/^The Key header selects another secret than “sub B”/);
  });

  it('marks a sandbox-secret match amber, "valid (sandbox secret)", and says it is a test event', () => {
    const { lines, steps, region } = panel({
      status: 'valid',
      scheme,
      matched: 'raw bytes',
      secretLabel: 'sandbox',
      candidatesTried: ['raw bytes'],
      checks: checks(true, [
        { label: 'production', outcome: 'no-match' },
        { label: 'sandbox', outcome: 'matched' },
      ]),
    });
    const badge = within(region).getByText('Valid (sandbox secret)');
    expect(badge.getAttribute('data-verification')).toBe('valid-sandbox');
    expect(badge.className).toContain('verification-sandbox');
    expect(region.className).toContain('verification-sandbox');
    expect(lines.slice(2)).toEqual([
      '✗no: Secret “production” — does not produce it',
      '✓yes: Secret “sandbox” — produces the signature',
      '✓yes: 1 form of the body tried✓yes: raw bytes',
    ]);
    expect(steps).toEqual(['This is a test event: it was signed with the “sandbox” secret. Do not treat it as money moving in production.']);
    expect(within(region).queryByRole('button', { name: 'Verify again' })).toBeNull();
  });

  it('shows a missing header, and a provider with no secret set, each with its own step', () => {
    const unsigned = panel({ status: 'unsigned', scheme, candidatesTried: [], checks: checks(null, []) });
    expect(unsigned.lines).toEqual(['✗no: Header paychant-signature present', `–skipped: Shaped like the digest: ${HEX512} — no value to look at`]);
    expect(unsigned.steps[0]).toBe('Check that Paychant signs webhooks for this endpoint (some dashboards turn signing on per endpoint).');
    cleanup();
    const none = panel({ status: 'no-secret', scheme, candidatesTried: [], checks: checks(true, []) });
    expect(none.lines.at(-1)).toBe('✗no: A webhook secret is set — none is configured for this provider');
    expect(none.steps).toEqual(['Add Paychant’s webhook secret under Settings → Providers: stored deliveries are then verified again.']);
  });

  it('says what a result stored before the stages were recorded does not know', () => {
    const { lines } = panel({ status: 'invalid', scheme, candidatesTried: ['raw bytes'] });
    expect(lines.slice(0, 3)).toEqual([
      '✓yes: Header paychant-signature present',
      '?not known: Shaped like the digest — not recorded for this check: use “Verify again” to see it',
      '?not known: Each secret tried — not recorded for this check: use “Verify again” to see it',
    ]);
  });
});

const summary = (id: string, secretLabel: string | null, verification: DeliverySummary['verification'] = 'valid'): DeliverySummary => ({
  id,
  provider: 'instap',
  label: null,
  receivedAt: '2026-11-05T10:00:00.000Z',
  method: 'POST',
  path: '/webhooks/instap',
  size: 120,
  eventType: 'depositEventObject',
  verification,
  secretLabel,
  status: 'completed',
  amount: null,
  reference: `ref-${id}`,
  parseError: null,
  duplicateOf: null,
  rejected: null,
});

describe('the sandbox-secret badge in the inbox', () => {
  it('reads amber "Valid (sandbox secret)" for a delivery an environment sandbox secret verified, green for production', async () => {
    const items = [summary('dlv_s', 'hmac secret (sandbox)'), summary('dlv_p', 'hmac secret (production)'), summary('dlv_i', null, 'invalid')];
    renderWith(
      fakeTransport({ 'deliveries.list': () => ({ items, total: 3, totalIsEstimate: false, nextCursor: null }) }).transport,
      <InboxPage params={new URLSearchParams()} />,
    );
    await screen.findByText('ref-dlv_i');
    const badge = (id: string) => document.querySelector(`[data-delivery-id="${id}"] .verification-cell .badge`)!;
    expect(badge('dlv_s').textContent).toBe('Valid (sandbox secret)');
    expect(badge('dlv_s').className).toContain('verification-sandbox');
    expect(badge('dlv_p').textContent).toBe('Signature valid');
    expect(badge('dlv_i').textContent).toBe('Signature invalid');
  });
});

const config = (provider: ProviderConfigView['provider']): ProviderConfigView => ({
  provider,
  activeEnvironment: 'production',
  environments: [{ environment: 'production', baseUrl: null, apiKey: null, hmacSecret: null }],
  apiKeyHeader: null,
  webhookSecrets: [{ label: 'production', masked: '••••1a2b', key: null, updatedAt: '2026-11-01T00:00:00Z' }],
});

describe('what each secret is for', () => {
  it('describes every secret field: incoming webhooks or outgoing calls, and that Instap’s HMAC secret serves both', async () => {
    const fake = fakeTransport({
      'providers.get': () => ({ providers: [config('instap'), config('paychant')], secretStorage: { backend: 'AES-256-GCM', secure: true, warning: null } }),
    });
    renderWith(fake.transport, <ProviderSettings />);
    await screen.findAllByText(/webhook secret/);
    const card = (provider: string) => document.querySelector<HTMLElement>(`[data-provider="${provider}"]`)!;
    const description = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby')!)!.textContent!;
    const instap = within(card('instap'));
    expect(description(instap.getByLabelText('Secret value'))).toMatch(/^For incoming webhooks: each checks the x-payload-hash signature on what Instap sends/);
    expect(description(instap.getByLabelText(/^API key/))).toMatch(/^For outgoing calls: sent with the sessions, status checks and lookups/);
    const hmac = description(instap.getByLabelText(/^HMAC \/ signing secret/));
    expect(hmac).toContain('signs the requests Gatewatch sends to Instap’s API');
    expect(hmac).toContain('Instap signs its notifications with this secret too, so it is also tried on incoming webhooks, as “hmac secret (<environment>)”');
    const paychant = within(card('paychant'));
    expect(description(paychant.getByLabelText(/^HMAC \/ signing secret/))).toBe(
      'Paychant does not sign API requests with a secret: leave this empty unless its documents say otherwise. It is not used on incoming webhooks.',
    );
  });
});
