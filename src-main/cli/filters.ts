/**
 * The inbox's filter from the command line: `--provider`, `--status`, `--verification`,
 * `--event-type`, `--env`, `--since`, `--until`, `--q` (or `--filter name=value`, repeated), parsed
 * by the contract's own schema. `--since 2h` / `30m` / `7d` mean that long ago.
 */
import { ExportFilter } from '../../src-shared/contract/interop.js';
import { CliError, EXIT } from './io.js';

export const FILTER_OPTIONS = {
  provider: { type: 'string' },
  status: { type: 'string' },
  verification: { type: 'string' },
  'event-type': { type: 'string' },
  env: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  q: { type: 'string' },
  filter: { type: 'string', multiple: true },
} as const;

export const FILTER_HELP = `Filters (as the inbox's):
  --provider P          instaxchange, instap, openxswitch, calypso, paychant, unknown
  --status S            normalized status (completed, pending, failed, …)
  --verification V      valid, invalid, unsigned, no-secret, unsupported, pending
  --event-type T        the provider's event type
  --env E               production or sandbox (the environment the event names)
  --since T, --until T  ISO time, or a while ago: 30m, 2h, 7d
  --q TEXT              full-text search over bodies and references
  --filter NAME=VALUE   any of the above by name (repeatable), e.g. --filter provider=paychant`;

const FLAG_TO_FIELD: Record<string, string> = { 'event-type': 'eventType', eventtype: 'eventType', env: 'environment' };

function time(value: string, now: number): string {
  const ago = /^(\d+)\s*(s|m|h|d)$/.exec(value.trim());
  if (!ago) return value;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[ago[2] as 's' | 'm' | 'h' | 'd'];
  return new Date(now - Number(ago[1]) * unit).toISOString();
}

export type FilterValues = Partial<Record<keyof typeof FILTER_OPTIONS, string | string[] | boolean | undefined>>;

export function parseFilter(values: FilterValues, now = Date.now()): ExportFilter {
  const raw: Record<string, string> = {};
  for (const pair of (values.filter as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(EXIT.usage, `--filter "${pair}" is not NAME=VALUE`);
    const name = pair.slice(0, eq).trim();
    raw[FLAG_TO_FIELD[name.toLowerCase()] ?? name] = pair.slice(eq + 1);
  }
  for (const flag of ['provider', 'status', 'verification', 'event-type', 'env', 'since', 'until', 'q'] as const) {
    const value = values[flag];
    if (typeof value === 'string') raw[FLAG_TO_FIELD[flag] ?? flag] = value;
  }
  for (const key of ['since', 'until']) if (raw[key] !== undefined) raw[key] = time(raw[key]!, now);
  const parsed = ExportFilter.strict().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'filter');
    throw new CliError(EXIT.usage, `filter ${where}: ${issue.message}`);
  }
  return parsed.data;
}

/** The filter as query parameters (GET /api/export). */
export function filterParams(filter: ExportFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
