// The two maintained validators the interop tests use (devDependencies: @har-sdk/validator,
// @seriousme/openapi-schema-validator). Only the parts the tests call are declared.
declare module '@har-sdk/validator' {
  interface HarError {
    instancePath: string;
    keyword: string;
    message?: string;
    params: Record<string, unknown>;
  }
  const harSdk: { HarValidator: new () => { verify(document: unknown): Promise<HarError[]> } };
  export default harSdk;
}

declare module '@seriousme/openapi-schema-validator' {
  export class Validator {
    validate(specification: object | string): Promise<{ valid: boolean; errors?: unknown }>;
    readonly version: string;
  }
}
