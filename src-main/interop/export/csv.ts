/**
 * The inbox's columns as CSV (RFC 4180) for spreadsheets: a header row, then one row per
 * delivery. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with
 * `'`, since webhook bodies are written by whoever sends them; plain numbers are left as they are.
 */
import type { DeliverySummaryRecord } from '../../store/types.js';

const COLUMNS: ReadonlyArray<[header: string, value: (d: DeliverySummaryRecord) => string | number | null]> = [
  ['received_at', (d) => d.receivedAt],
  ['provider', (d) => d.provider],
  ['label', (d) => d.label],
  ['event_type', (d) => d.eventType],
  ['status', (d) => d.status],
  ['amount', (d) => d.amountValue],
  ['currency', (d) => d.amountCurrency],
  ['reference', (d) => d.reference],
  ['verification', (d) => d.verification ?? 'pending'],
  ['secret_label', (d) => d.secretLabel ?? null],
  ['size', (d) => d.size],
  ['method', (d) => d.method],
  ['path', (d) => d.path],
  ['id', (d) => d.id],
  ['duplicate_of', (d) => d.duplicateOf],
  ['parse_error', (d) => d.parseError],
  ['refused_status', (d) => d.rejected?.httpStatus ?? null],
  ['refused_reason', (d) => d.rejected?.reason ?? null],
];

const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => `${COLUMNS.map(([name]) => name).join(',')}\r\n`;

export const csvRow = (delivery: DeliverySummaryRecord): string => `${COLUMNS.map(([, value]) => csvCell(value(delivery))).join(',')}\r\n`;
