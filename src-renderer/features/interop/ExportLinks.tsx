import type { ExportFilter } from '../../../src-shared/contract/interop.js';
import { useTransport } from '../../transport/context.js';
import { EXPORT_FORMATS, exportHref } from './export-links.js';

/**
 * "Export: HAR · NDJSON · CSV" for everything the inbox filter shows. In a browser these are
 * plain download links to serve mode's stream (the session cookie authorizes them), so the file
 * goes to disk as it arrives, whatever its size. The desktop window has no such stream: none shown.
 */
export function ExportLinks({ filter }: { filter: ExportFilter | Record<string, string | undefined> }) {
  const transport = useTransport();
  if (transport.kind !== 'http') return null;
  return (
    <span className="export-links" data-testid="export-links">
      Export:{' '}
      {EXPORT_FORMATS.map(({ format, label, title }, i) => (
        <span key={format}>
          {i > 0 ? ' · ' : null}
          <a href={exportHref(format, filter)} download title={title}>
            {label}
          </a>
        </span>
      ))}
    </span>
  );
}
