/** How the CLI shows things to a person (the `--json` output is the API's own JSON instead). */
import type { DeliveryDetail, DeliverySummary } from '../../src-shared/domain/delivery.js';
import type { TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import type { VerificationResult } from '../../src-shared/domain/verification.js';

const pad = (text: string, width: number) => (text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export function summaryLine(d: DeliverySummary): string {
  const amount = d.amount ? `${d.amount.value}${d.amount.currency ? ` ${d.amount.currency}` : ''}` : '';
  const event = d.eventType ?? (d.rejected ? `refused ${d.rejected.httpStatus}` : d.parseError ? 'unreadable body' : '—');
  return [
    d.receivedAt.replace('T', ' ').slice(0, 19),
    pad(d.provider + (d.label ? `/${d.label}` : ''), 16),
    pad(event, 28),
    pad(d.verification ?? 'pending', 11),
    pad(d.status ?? '', 12),
    pad(amount, 16),
    pad(d.reference ?? '', 24),
    d.id,
  ].join('  ');
}

export const SUMMARY_HEADER = [
  'RECEIVED (UTC)     ',
  pad('PROVIDER', 16),
  pad('EVENT', 28),
  pad('SIGNATURE', 11),
  pad('STATUS', 12),
  pad('AMOUNT', 16),
  pad('REFERENCE', 24),
  'ID',
].join('  ');

export function verificationLines(v: VerificationResult): string[] {
  const lines = [`Signature: ${v.status}${v.matched ? ` (matched: ${v.matched}${v.secretLabel ? `, secret "${v.secretLabel}"` : ''})` : ''}`];
  if (v.scheme) lines.push(`  recipe: ${v.scheme.algorithm} over ${v.scheme.signedContent}, ${v.scheme.encoding}, in ${v.scheme.header}`);
  if (v.candidatesTried.length > 0) lines.push(`  tried: ${v.candidatesTried.join('; ')}`);
  if (v.diagnosis) lines.push(`  why: ${v.diagnosis}`);
  for (const warning of v.warnings ?? []) lines.push(`  warning: ${warning}`);
  if (v.assumption) lines.push(`  assumed: ${v.assumption}`);
  return lines;
}

export function detailText(d: DeliveryDetail): string {
  const lines = [
    `${d.id}  ${d.provider}${d.label ? `/${d.label}` : ''}  ${d.method} ${d.path}${d.query ? `?${d.query}` : ''}`,
    `Received: ${d.receivedAt}${d.origin ? `  (imported from ${d.origin.source}: ${d.origin.url})` : ''}`,
    `Event: ${d.eventType ?? '—'}  Status: ${d.status ?? '—'}${d.amount ? `  Amount: ${d.amount.value} ${d.amount.currency ?? ''}`.trimEnd() : ''}`,
    ...verificationLines(d.verificationResult),
  ];
  if (d.correlationKeys.length > 0) lines.push(`Keys: ${d.correlationKeys.map((k) => `${k.kind}=${k.value}`).join(', ')}`);
  if (d.duplicateOf) lines.push(`Retry of: ${d.duplicateOf}`);
  if (d.rejected) lines.push(`Refused: HTTP ${d.rejected.httpStatus}, ${d.rejected.reason}`);
  lines.push('', 'Headers:', ...d.headers.map(([n, v]) => `  ${n}: ${v}`), '');
  if (d.body !== null) lines.push(d.body);
  else lines.push(`(body is not UTF-8 text: ${Buffer.from(d.bodyBase64, 'base64').byteLength} bytes; --body writes them as they are)`);
  return `${lines.join('\n')}\n`;
}

export function timelineText(t: TimelineGetOutput): string {
  const lines: string[] = [];
  if (t.headline) lines.push(t.headline.summary, ...t.headline.actions.map((a) => `  → ${a}`), '');
  lines.push(`Keys: ${t.keys.map((k) => `${k.kind}=${k.value}`).join(', ') || t.key}`);
  for (const step of t.steps) {
    const flags = step.flags.length > 0 ? `  [${step.flags.join(', ')}]` : '';
    lines.push(
      `${step.at.replace('T', ' ').slice(0, 19)}  ${pad(step.kind, 12)} ${pad(step.outcome, 6)} ${step.title}${step.status ? ` (${step.status})` : ''}${flags}  ${step.id}`,
    );
  }
  if (t.steps.length === 0) lines.push(`Nothing found for "${t.key}".`);
  for (const flag of t.flags) lines.push(`! ${flag.message}`);
  if (t.truncated) lines.push('(more deliveries share these keys than one timeline shows)');
  for (const warning of t.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}
