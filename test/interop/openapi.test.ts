import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { callNames, contract } from '../../src-shared/contract/index.js';
import { openApiDocument } from '../../src-main/interop/openapi.js';
import { OPENAPI_FILE } from '../../scripts/write-openapi.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; description?: string; parameters?: Array<{ name: string }> }>> };

  async function problems(document: object) {
    const result = await new Validator().validate(document);
    return result.valid ? [] : result.errors;
  }

  const operations = (doc: Doc) => Object.values(doc.paths).flatMap((path) => Object.values(path).map((op) => op.operationId));

  describe('the OpenAPI document', () => {
    it('is valid OpenAPI 3.1 and has every contract call, with its input and output schemas', async () => {
      expect(await problems({ openapi: '3.1.0', info: { title: 'x' }, paths: { '/a': { post: { responses: 'none' } } } })).not.toEqual([]);
      const doc = openApiDocument() as Doc;
      expect(doc.openapi).toBe('3.1.0');
      expect(await problems(doc)).toEqual([]);
      for (const name of callNames) {
        const op = doc.paths[`/api/${name}`]?.post as unknown as {
          operationId: string;
          requestBody: { content: { 'application/json': { schema: object } } };
          responses: Record<string, { content?: { 'application/json': { schema: object } } }>;
        };
        expect(op?.operationId, name).toBe(name);
        expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
        expect(op.responses['200']!.content!['application/json'].schema).toBeTypeOf('object');
      }
      const reveal = doc.paths['/api/deliveries.revealHeaders']!.post!;
      expect(reveal.description).toContain('Desktop app only');
      expect('desktopOnly' in contract['deliveries.revealHeaders']).toBe(true);
      const exportParams = doc.paths['/api/export']!.get!.parameters!.map((p) => p.name);
      expect(exportParams).toEqual(expect.arrayContaining(['format', 'provider', 'q', 'status', 'verification', 'since', 'until', 'id', 'what']));
    });

    it('is written to docs/openapi.json (npm run openapi), valid and naming every call', async () => {
      const written = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Doc;
      expect(await problems(written)).toEqual([]);
      const missing = callNames.filter((name) => !operations(written).includes(name));
      expect(missing, 'docs/openapi.json lacks these calls: run `npm run openapi`').toEqual([]);
      expect(operations(written).sort()).toEqual(operations(openApiDocument() as Doc).sort());
      // Schemas too: a changed call without `npm run openapi` leaves the published document wrong.
      expect(written, 'docs/openapi.json is not what the contract generates: run `npm run openapi`').toEqual(openApiDocument());
    });

    describe('in serve mode', () => {
      let gw: TestConsole;
      beforeAll(async () => {
        gw = await startTestConsole({ backend });
      });
      afterAll(async () => {
        await gw?.close();
      });

      it('is served at /api/openapi.json behind the same authorization as every call', async () => {
        expect((await fetch(`${gw.consoleOrigin}/api/openapi.json`)).status).toBe(401);
        const response = await fetch(`${gw.consoleOrigin}/api/openapi.json`, { headers: { authorization: `Bearer ${gw.token}` } });
        expect(response.status).toBe(200);
        const served = (await response.json()) as Doc & { servers: Array<{ url: string }> };
        expect(served.servers[0]!.url).toBe(gw.consoleOrigin);
        expect(await problems(served)).toEqual([]);
        expect(operations(served)).toEqual(expect.arrayContaining([...callNames, 'export', 'events']));
      });
    });
  });
});
