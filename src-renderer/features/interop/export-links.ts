import type { ExportFormat, ExportFilter } from '../../../src-shared/contract/interop.js';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; title: string }> = [
  { format: 'har', label: 'HAR', title: 'HAR 1.2: opens in a browser’s network panel (credential values masked)' },
  { format: 'ndjson', label: 'NDJSON', title: 'One delivery per line, with its signature check, meaning and keys' },
  { format: 'csv', label: 'CSV', title: 'The inbox’s columns, for a spreadsheet' },
];

/** Serve mode's export stream for this filter (everything it shows, no paging): `GET /api/export`. */
export function exportHref(format: ExportFormat, filter: ExportFilter | Record<string, string | undefined>, base = ''): string {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filter)) if (typeof value === 'string' && value !== '') params.set(name, value);
  return `${base}/api/export?${params}`;
}
