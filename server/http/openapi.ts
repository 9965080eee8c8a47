// GET /api/openapi.json: the REST API described as OpenAPI 3.1, generated from the zod
// schemas the handlers validate with (z.toJSONSchema) and, for the rows the read endpoints
// return, from the drizzle table declarations. Nothing here is written by hand twice.
import { getTableColumns, type Column } from 'drizzle-orm';
import { z } from 'zod';
import { alertsQuerySchema } from '../alerts/alerts-route';
import { trackQuery } from '../gps/track-route';
import { reportQuerySchema } from '../../shared/reports/report-period';
import { alerts, drivers, orderEvents, orders } from '../../shared/schema';
import {
  createdOrderResponse,
  createOrderBody,
  errorResponse,
  orderNumberParam,
  ordersQuery,
  patchOrderBody,
  paymentBody,
} from './orders-rest-schema';
import { sendJson, type Router } from './router';

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete out['$schema'];
  return out;
}

/** A row as the read endpoints return it (drizzle's select shape), from the table's columns. */
export function rowSchema(table: Parameters<typeof getTableColumns>[0]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, col] of Object.entries(getTableColumns(table)) as Array<[string, Column]>) {
    const base: JsonSchema =
      col.enumValues !== undefined && col.enumValues.length > 0
        ? { type: 'string', enum: [...col.enumValues] }
        : col.dataType === 'number'
          ? { type: 'number' }
          : col.dataType === 'boolean'
            ? { type: 'boolean' }
            : col.dataType === 'json'
              ? {}
              : { type: 'string' };
    properties[key] = col.notNull ? base : { anyOf: [base, { type: 'null' }] };
    required.push(key);
  }
  return { type: 'object', properties, required };
}

function queryParameters(s: z.ZodObject): JsonSchema[] {
  const json = schemaOf(s, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    schema,
    ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? 'Error', ...json(ref('Error')) }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Unreadable JSON, or nested too deep / too many values',
  401: 'Missing or invalid bearer token',
  403: 'This token may not do this',
  404: 'No such order (or not one of this token’s)',
  409: 'The order’s state does not allow it (e.g. already picked up, already paid)',
  413: 'Body larger than 64 KiB',
  415: 'Body is not application/json',
  422: 'A field is invalid: `field` names it',
  429: 'Rate limit for this token; see Retry-After',
};
const numberParam = { name: 'number', in: 'path', required: true, schema: schemaOf(orderNumberParam, 'input') };

export function openApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marshrut REST API',
      version,
      description:
        'Orders in from web shops, marketplaces and payment systems (tokens of the `integration` role, ' +
        '`npm run server -- user add --role integration`), and read endpoints for checks. ' +
        'Every request needs `Authorization: Bearer TOKEN`. An integration token sees and changes only the orders it sent.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        CreateOrder: schemaOf(createOrderBody, 'input'),
        CreatedOrder: schemaOf(createdOrderResponse, 'output'),
        PatchOrder: schemaOf(patchOrderBody, 'input'),
        Payment: schemaOf(paymentBody, 'input'),
        Error: schemaOf(errorResponse, 'output'),
        Order: rowSchema(orders),
        OrderEvent: rowSchema(orderEvents),
        Driver: rowSchema(drivers),
        Alert: rowSchema(alerts),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/orders': {
        post: {
          summary: 'Hand an order over (idempotent by externalId)',
          requestBody: { required: true, ...json(ref('CreateOrder')) },
          responses: {
            '201': { description: 'Created', ...json(ref('CreatedOrder')) },
            '200': { description: 'This externalId was sent before: the same order', ...json(ref('CreatedOrder')) },
            ...errors(400, 401, 403, 413, 415, 422, 429),
          },
        },
        get: {
          summary: 'Orders by status and change time, oldest change first (page on updatedSince)',
          parameters: queryParameters(ordersQuery),
          responses: {
            '200': { description: 'A page', ...json({ type: 'object', properties: { orders: { type: 'array', items: ref('Order') }, truncated: { type: 'boolean' } }, required: ['orders', 'truncated'] }) },
            ...errors(400, 401),
          },
        },
      },
      '/api/orders/{number}': {
        get: {
          summary: 'One order with its timeline',
          parameters: [numberParam],
          responses: {
            '200': { description: 'The order', ...json({ type: 'object', properties: { order: ref('Order'), events: { type: 'array', items: ref('OrderEvent') } }, required: ['order', 'events'] }) },
            ...errors(401, 404),
          },
        },
        patch: {
          summary: 'Change address, window or contacts before pickup, or cancel',
          parameters: [numberParam],
          requestBody: { required: true, ...json(ref('PatchOrder')) },
          responses: {
            '200': { description: 'Changed', ...json({ type: 'object', properties: { number: { type: 'string' }, status: { type: 'string' } }, required: ['number', 'status'] }) },
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429),
          },
        },
      },
      '/api/orders/{number}/payment': {
        post: {
          summary: 'Record a payment; a delivered order is closed by it',
          parameters: [numberParam],
          requestBody: { required: true, ...json(ref('Payment')) },
          responses: {
            '200': { description: 'Recorded', ...json({ type: 'object', properties: { number: { type: 'string' }, status: { type: 'string' }, paidAt: { type: ['number', 'null'] } }, required: ['number', 'status', 'paidAt'] }) },
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429),
          },
        },
      },
      '/api/drivers': {
        get: { summary: 'Drivers with their last positions (desk tokens)', responses: { '200': { description: 'Drivers', ...json({ type: 'object', properties: { drivers: { type: 'array', items: ref('Driver') } } }) }, ...errors(401, 403) } },
      },
      '/api/drivers/{id}/track': {
        get: {
          summary: "A driver's stored track, oldest first (dispatcher, supervisor and admin tokens; at most 7 days, from <= to, ending at most a day ahead: else 400 naming the field)",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(trackQuery as unknown as z.ZodObject)],
          responses: { '200': { description: 'Track points' }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/alerts': {
        get: {
          summary: 'SLA alerts (desk tokens)',
          parameters: queryParameters(alertsQuerySchema),
          responses: { '200': { description: 'Alerts', ...json({ type: 'object', properties: { alerts: { type: 'array', items: ref('Alert') } } }) }, ...errors(400, 401, 403) },
        },
      },
      '/api/reports': {
        get: {
          summary: 'Report figures, charts and cuts for whole local days (desk tokens; at most 366 days, none after today; 1 a second per token, bursts of 10)',
          parameters: queryParameters(reportQuerySchema),
          responses: { '200': { description: 'The report (shared/reports/compute-report.ts ReportData)' }, ...errors(400, 401, 403, 429) },
        },
      },
      '/api/reports/orders': {
        get: {
          summary:
            'The orders behind a figure: the report parameters plus figure, hits (true/false), day, reason, bucket, cut (DIMENSION:KEY), previous (true/false), offset, limit (at most 100,000)',
          parameters: queryParameters(reportQuerySchema),
          responses: { '200': { description: '{ total, rows }' }, ...errors(400, 401, 403, 429) },
        },
      },
      '/health': { get: { summary: 'Server health and counters (ordersApi: created, duplicates, refusals by reason)', responses: { '200': { description: 'OK' }, ...errors(401, 403) } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
  };
}

export function mountOpenApi(router: Pick<Router, 'addRoute'>, version: string): void {
  // Built once: the schemas don't change while the server runs.
  let doc: JsonSchema | null = null;
  router.addRoute({
    method: 'GET',
    path: '/api/openapi.json',
    integration: true,
    handler({ res }) {
      doc ??= openApiDocument(version);
      sendJson(res, 200, doc);
    },
  });
}
