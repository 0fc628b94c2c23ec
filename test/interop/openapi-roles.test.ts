/** The API document says which role each call needs, and how a person signs in. */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src-main/interop/openapi.js';
import { callNames, contract } from '../../src-shared/contract/index.js';

type Operation = { 'x-gatewatch-role'?: string; description?: string };

describe('the OpenAPI document and roles', () => {
  it('names the role of every call, and the sign-in route', () => {
    const doc = openApiDocument() as { paths: Record<string, { post?: Operation }> };
    for (const name of callNames) {
      const operation = doc.paths[`/api/${name}`]?.post;
      expect(operation?.['x-gatewatch-role'], name).toBe(contract[name].role);
    }
    expect(doc.paths['/api/replay.send']?.post?.description).toBe('Needs the operator role (a lower one is answered 403, in words).');
    expect(doc.paths['/auth/sign-in']?.post).toBeDefined();
  });
});
