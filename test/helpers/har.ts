import harSdk from '@har-sdk/validator';

/** Problems @har-sdk/validator finds against the HAR 1.2 schema, one line each; empty when valid. */
export async function harProblems(document: unknown): Promise<string[]> {
  const errors = await new harSdk.HarValidator().verify(document);
  return errors.map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
