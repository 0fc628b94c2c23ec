/**
 * The console API as an OpenAPI 3.1 document, generated from the zod contract with
 * `z.toJSONSchema`: one `POST /api/<call>` per call (input and output schemas, the errors it can
 * answer), plus the routes outside the contract (export stream, pushes, this document, sign-in).
 * Served at `/api/openapi.json` in serve mode; `npm run openapi` writes docs/openapi.json.
 */
import { z } from 'zod';
import { callNames, contract, type CallName } from '../../src-shared/contract/index.js';
import { ApiErrorBody } from '../../src-shared/contract/errors.js';
import { PushEvent } from '../../src-shared/contract/events.js';
import { ExportQuery } from '../../src-shared/contract/interop.js';
import { ConsoleSessionStatus, PasswordSignInInput, TokenSignInInput, AUTH_PATHS } from '../../src-shared/contract/console-auth.js';

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.1 schema object. Definitions it needs (recursive types) move to
 * components.schemas under a name of their own, since `#/$defs/…` would resolve against the
 * document rather than the schema.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', name: string, components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  if (!defs) return json;
  delete json.$defs;
  const renamed = new Map(Object.keys(defs).map((key) => [`#/$defs/${key}`, `#/components/schemas/${name}.${key}`]));
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? (renamed.get(v) ?? v) : rewrite(v)]));
  };
  for (const [key, def] of Object.entries(defs)) components[`${name}.${key}`] = rewrite(def) as JsonSchema;
  return rewrite(json) as JsonSchema;
}

const ERROR_RESPONSES = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '403': { $ref: '#/components/responses/Forbidden' },
  default: { $ref: '#/components/responses/Error' },
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });

function callOperation(name: CallName, components: Record<string, JsonSchema>) {
  const spec = contract[name];
  const desktopOnly = 'desktopOnly' in spec ? (spec.desktopOnly as string) : null;
  const role = `Needs the ${spec.role} role (a lower one is answered 403, in words).`;
  return {
    post: {
      operationId: name,
      tags: [name.split('.')[0]!],
      summary: name,
      description: desktopOnly ? `Desktop app only: serve mode answers 403. ${desktopOnly}` : role,
      'x-gatewatch-role': spec.role,
      requestBody: { required: false, content: { 'application/json': { schema: schemaOf(spec.input, 'input', `${name}.input`, components) } } },
      responses: {
        '200': {
          description: `The result of ${name}.`,
          content: { 'application/json': { schema: schemaOf(spec.output, 'output', `${name}.output`, components) } },
        },
        ...ERROR_RESPONSES,
      },
    },
  };
}

function exportOperation(components: Record<string, JsonSchema>) {
  const query = schemaOf(ExportQuery, 'input', 'ExportQuery', components) as { properties: Record<string, JsonSchema>; required?: string[] };
  return {
    get: {
      operationId: 'export',
      tags: ['export'],
      summary: 'Streams deliveries (or replay or relay attempts) as HAR 1.2, NDJSON or CSV',
      description:
        'Everything the inbox filter shows (the same parameters as deliveries.list, without paging), one delivery (`id`), or replay or relay attempts as request/response pairs (`what=replay-attempts` by delivery, job or target; `what=relay-attempts` by delivery or route; HAR only). Streamed: no size limit. Credential header values are masked.',
      parameters: Object.entries(query.properties).map(([name, schema]) => ({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        schema,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
      })),
      responses: {
        '200': {
          description: 'The export, as an attachment.',
          content: {
            'application/json': { schema: { type: 'object', description: 'A HAR 1.2 document (format=har).' } },
            'application/x-ndjson': { schema: { type: 'string', description: 'One deliveries.get result per line (format=ndjson).' } },
            'text/csv': { schema: { type: 'string', description: 'The inbox columns, a header row first (format=csv).' } },
          },
        },
        '404': errorResponse('No delivery with that id.'),
        ...ERROR_RESPONSES,
      },
    },
  };
}

/** The document. `serverUrl` is the console's own origin when served. */
export function openApiDocument(options: { serverUrl?: string; version?: string } = {}): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, unknown> = {};
  for (const name of callNames) paths[`/api/${name}`] = callOperation(name, components);
  paths['/api/export'] = exportOperation(components);
  paths['/api/events'] = {
    get: {
      operationId: 'events',
      tags: ['events'],
      summary: 'Server-Sent Events: every push, one JSON PushEvent per `data:` line',
      responses: {
        '200': {
          description: 'An endless event stream.',
          content: { 'text/event-stream': { schema: schemaOf(PushEvent, 'output', 'PushEvent', components) } },
        },
        ...ERROR_RESPONSES,
      },
    },
  };
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'openapi',
      tags: ['meta'],
      summary: 'This document',
      responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } }, ...ERROR_RESPONSES },
    },
  };
  const status = {
    '200': {
      description: 'Whether this browser is signed in.',
      content: { 'application/json': { schema: schemaOf(ConsoleSessionStatus, 'output', 'ConsoleSessionStatus', components) } },
    },
  };
  const noAuth: Array<Record<string, string[]>> = [];
  paths[AUTH_PATHS.session] = {
    get: { operationId: 'auth.session', tags: ['auth'], summary: 'Is this browser signed in?', security: noAuth, responses: status },
  };
  paths[AUTH_PATHS.token] = {
    post: {
      operationId: 'auth.token',
      tags: ['auth'],
      summary: 'Trades the console token for a session cookie (from the console page only)',
      security: noAuth,
      requestBody: { required: true, content: { 'application/json': { schema: schemaOf(TokenSignInInput, 'input', 'TokenSignInInput', components) } } },
      responses: { ...status, ...ERROR_RESPONSES },
    },
  };
  paths[AUTH_PATHS.signIn] = {
    post: {
      operationId: 'auth.signIn',
      tags: ['auth'],
      summary: 'A person signs in with a name and password: a session cookie (from the console page only; attempts held back after failures, 429)',
      security: noAuth,
      requestBody: { required: true, content: { 'application/json': { schema: schemaOf(PasswordSignInInput, 'input', 'PasswordSignInInput', components) } } },
      responses: { ...status, ...ERROR_RESPONSES },
    },
  };
  paths[AUTH_PATHS.signOut] = {
    post: { operationId: 'auth.signOut', tags: ['auth'], summary: 'Ends this browser’s session', security: noAuth, responses: status },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gatewatch console API',
      version: options.version ?? '0.1.0',
      description:
        'Serve mode\'s console API: `POST /api/<call>` with a JSON body. Errors are `{"error":{"code","message","issues"?}}`. Each call needs a role (`x-gatewatch-role`: viewer, operator, admin); the console token is the owner\'s, an admin. Loopback only unless people have accounts and TLS is on (or a named proxy); a browser\'s Origin must be the console\'s own.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      schemas: {
        ApiError: { type: 'object', properties: { error: schemaOf(ApiErrorBody, 'output', 'ApiErrorBody', components) }, required: ['error'] },
        ...components,
      },
      responses: {
        BadRequest: errorResponse("The input did not match the call's schema (`issues` says where), or the call refused it."),
        Unauthorized: errorResponse('Missing or wrong token, or the session ended.'),
        Forbidden: errorResponse("The caller's role is below the call's, cross-origin, a desktop-only call, or a cookie call not from the console page."),
        Error: errorResponse(
          'Any other error: not_found 404, conflict 409, too_large 413, too_many_requests 429, provider_error 502, unavailable 503, internal 500.',
        ),
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: "The console token serve mode printed (token file, GATEWATCH_TOKEN), or a person's API token (gwt_…, tokens.create).",
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gatewatch_session_<console port>',
          description: 'The HttpOnly cookie POST /auth/sign-in or /auth/token sets for the console page (__Host-gatewatch_session_<port>, Secure, under TLS).',
        },
      },
    },
  };
}
