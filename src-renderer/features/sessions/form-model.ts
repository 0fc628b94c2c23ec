/** Form state ↔ call payloads, and call errors ↔ fields. Pure: the components only render. */
import { formFieldsOf, type FormField } from '../../../src-shared/sessions/fields.js';
import { sessionForms } from '../../../src-shared/sessions/forms.js';
import type { SessionSettings } from '../../../src-shared/sessions/settings.js';
import type { ProviderId } from '../../../src-shared/domain/provider.js';
import { ConsoleError } from '../../transport/types.js';

export type FormValues = Record<string, string>;

export interface FieldView extends FormField {
  /** The choices to offer: the enum's, or the Settings list's. */
  choices: string[] | null;
}

export function fieldsFor(provider: ProviderId, settings: SessionSettings | undefined): FieldView[] {
  return formFieldsOf(sessionForms[provider].schema).map((field) => {
    const fromSettings =
      field.optionsFrom === 'instaxchange.fromCurrencies'
        ? settings?.instaxchange.fromCurrencies
        : field.optionsFrom === 'instaxchange.toCurrencies'
          ? settings?.instaxchange.toCurrencies
          : undefined;
    return { ...field, choices: field.options ?? fromSettings ?? null };
  });
}

/**
 * Empty fields are left out (the schemas treat absent as "use the provider's default"). The rest
 * go in the form's order (`order`, the fields as shown), not in the order they were typed: the
 * main process builds the body in the order given.
 */
export function payloadFrom(values: FormValues, order: readonly string[] = []): Record<string, string> {
  const names = [...order.filter((name) => name in values), ...Object.keys(values).filter((name) => !order.includes(name))];
  return Object.fromEntries(names.map((name) => [name, (values[name] ?? '').trim()] as const).filter(([, value]) => value !== ''));
}

/** Per-field messages from a bad_request (paths `payload.<field>`), and what belongs to no field. */
export function issuesOf(error: unknown, prefix = 'payload.'): { byField: Record<string, string>; general: string | null } {
  if (!(error instanceof ConsoleError) && !(error instanceof Error)) return { byField: {}, general: null };
  const byField: Record<string, string> = {};
  const issues = error instanceof ConsoleError ? error.issues : [];
  const other: string[] = [];
  for (const issue of issues) {
    if (issue.path.startsWith(prefix)) byField[issue.path.slice(prefix.length)] ??= issue.message;
    else other.push(issue.message);
  }
  return { byField, general: [error.message, ...other.filter((m) => m !== error.message)].join(' ') };
}

export const isConflict = (error: unknown) => error instanceof ConsoleError && error.code === 'conflict';

/** The environment choice that follows the provider's setting, naming it: "the provider's active one (production)". */
export function activeEnvironmentLabel(active: string | undefined): string {
  return active ? `the provider's active one (${active})` : "the provider's active one";
}

/** The environment a send goes to: the one chosen, else the provider's active one (unknown until read). */
export const targetEnvironment = (chosen: string, active: string | undefined): string | undefined => chosen || active;

/** The submit button names where it sends: "Send to production". */
export function sendLabel(kind: string, environment: string | undefined): string {
  if (kind === 'widget_link') return environment ? `Build and record link (${environment})` : 'Build and record link';
  return environment ? `Send to ${environment}` : 'Send';
}

/**
 * Why the preview beside the form cannot show the request yet: the fields still to fill, by
 * label ("Fill in User id and User name to see the exact request."); null when it is another error.
 */
export function previewBlockedBy(error: unknown, fields: ReadonlyArray<Pick<FieldView, 'name' | 'label'>>): string | null {
  if (!(error instanceof ConsoleError) || error.code !== 'bad_request') return null;
  const names = error.issues.filter((i) => i.path.startsWith('payload.')).map((i) => i.path.slice('payload.'.length));
  if (names.length === 0) return error.message;
  const labels = [...new Set(names)].map((name) => fields.find((f) => f.name === name)?.label ?? name);
  const listed = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `Fill in or correct ${listed} to see the exact request.`;
}
