/**
 * Session forms are generated from the zod schemas: each field carries its label and help
 * (from the seed documents) in this registry, and the form reads the schema's shape.
 */
import { z } from 'zod';
import { DECIMAL_RE } from './decimal.js';

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

/** An amount as a decimal string (sent as the exact digits typed, never a re-printed float). */
export const decimalText = () => z.string().trim().regex(DECIMAL_RE, 'Enter a decimal number such as 10 or 12.50');

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
