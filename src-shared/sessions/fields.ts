/**
 * Session forms are generated from the zod schemas: each field carries its label and help
 * (from the seed documents) in this registry, and the form reads the schema's shape.
 */
import { z } from 'zod';
import { DECIMAL_RE, EXACT_NUMBER_DIGITS, decimalOfNumber } from './decimal.js';

/** A list of values the user edits in Settings (the provider's list changes over time). */
export type SettingsListName = 'instaxchange.fromCurrencies' | 'instaxchange.toCurrencies';

export interface FieldMeta {
  label: string;
  help: string;
  input?: 'text' | 'decimal' | 'url' | 'email';
  /** Offer the values of this Settings list (validated against it in the main process). */
  optionsFrom?: SettingsListName;
  placeholder?: string;
}

export const formFields = z.registry<FieldMeta>();

const DECIMAL_HINT = 'Enter a decimal number such as 10 or 12.50';

/**
 * A JSON number amount (the seeds send numbers) as decimal text: not below zero, and with no more
 * digits than a JSON number keeps exactly.
 */
function amountOfNumber(n: number, ctx: z.RefinementCtx): string {
  if (n < 0) {
    ctx.addIssue({ code: 'custom', message: 'An amount is not below zero' });
    return '';
  }
  const text = decimalOfNumber(n);
  if (text === null) {
    ctx.addIssue({
      code: 'custom',
      message: `${n} needs more than ${EXACT_NUMBER_DIGITS} significant digits, which a JSON number does not keep exactly: send it as a decimal string`,
    });
    return '';
  }
  return text;
}

/**
 * An amount: a decimal string is kept as typed (sent as those exact digits, never a re-printed
 * float); a JSON number is taken at its shortest round-trip form.
 */
export const decimalText = () =>
  z
    .union([z.number(), z.string()], { message: 'Expected a finite number or a decimal string' })
    .transform((value, ctx) => (typeof value === 'number' ? amountOfNumber(value, ctx) : value))
    .pipe(z.string().trim().regex(DECIMAL_RE, DECIMAL_HINT));

export interface FormField extends FieldMeta {
  name: string;
  required: boolean;
  /** Fixed choices from a z.enum. */
  options: string[] | null;
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/** The fields of an object schema, in declaration order, with their help. */
export function formFieldsOf(schema: z.ZodObject): FormField[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const typed = field as z.ZodType;
    const meta = formFields.get(typed) ?? formFields.get(unwrapOptional(typed)) ?? { label: name, help: '' };
    const inner = unwrapOptional(typed);
    return {
      ...meta,
      name,
      required: !(typed instanceof z.ZodOptional),
      options: inner instanceof z.ZodEnum ? (inner.options as string[]) : null,
    };
  });
}

/** Registers a field's label and help; returns the schema so shapes read naturally. */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  formFields.add(schema, meta);
  return schema;
}
