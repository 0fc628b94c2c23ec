/**
 * Serve mode's GET routes besides the event stream, behind the same checks as every call:
 * `GET /api/export?format=har|ndjson|csv&…` streams an export (the inbox's filter parameters),
 * `GET /api/openapi.json` the API's OpenAPI document.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../src-shared/contract/errors.js';
import { ExportQuery } from '../../src-shared/contract/interop.js';
import { issuesOf } from '../dispatcher/dispatcher.js';
import { exportFileInfo, prepareExport, type ExportDeps } from '../interop/export/export-stream.js';
import { ExportAborted, writableSink } from '../interop/export/sink.js';
import { openApiDocument } from '../interop/openapi.js';
import { sendError, sendJson } from './answers.js';
import { SECURITY_HEADERS } from './security.js';

export type GetRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The query parameters as an object; a repeated name keeps its last value, as URLSearchParams.get would not. */
function queryOf(request: IncomingMessage): Record<string, string> {
  const url = new URL(request.url ?? '/', 'http://console.invalid');
  return Object.fromEntries(url.searchParams);
}

export function exportRoute(deps: ExportDeps, log: (message: string) => void = () => {}): GetRoute {
  return async (request, response) => {
    const query = ExportQuery.safeParse(queryOf(request));
    if (!query.success) {
      sendError(response, new ApiError('bad_request', 'Invalid export parameters.', issuesOf(query.error)));
      return;
    }
    // Serve mode never reveals credential values: anything holding the token could ask.
    const write = await prepareExport(deps, query.data, { revealCredentials: false });
    const { fileName, contentType } = exportFileInfo(query.data);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    });
    try {
      await write(writableSink(response));
      response.end();
    } catch (error) {
      if (!(error instanceof ExportAborted)) log(`export failed part-way: ${(error as Error).message}`);
      response.destroy(); // a cut stream, never a well-formed file that silently lacks the rest
    }
  };
}

export function openApiRoute(): GetRoute {
  return async (request, response) => {
    const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
    sendJson(response, 200, openApiDocument({ serverUrl: origin }));
  };
}

export function interopRoutes(deps: ExportDeps, log?: (message: string) => void): Record<string, GetRoute> {
  return { export: exportRoute(deps, log), 'openapi.json': openApiRoute() };
}
