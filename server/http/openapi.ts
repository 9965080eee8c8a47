// GET /api/openapi.json: the REST API described as OpenAPI 3.1, generated from the zod
// schemas the handlers validate with (z.toJSONSchema) and, for the rows the read endpoints
// return, from the drizzle table declarations. Nothing here is written by hand twice.
import { getTableColumns, type Column } from 'drizzle-orm';
import { z } from 'zod';
import { alertsQuerySchema } from '../alerts/alerts-route';
import { trackQuery } from '../gps/track-route';
import { reportQuerySchema } from '../../shared/reports/report-period';
import {
  addUserBody,
  attachAnswer,
  attachReviewBody,
  bindDeviceBody,
  boundAnswer,
  courierReviewsAnswer,
  dismissedAnswer,
  dismissReviewBody,
  gpsDevicesAnswer,
  issuedTokenAnswer,
  revokedAnswer,
  unbindDeviceBody,
  unboundAnswer,
  usersAnswer,
} from '../../shared/api/admin-api';
import { archiveQuerySchema } from '../../shared/archive/archive-search';
import { DRIVER_API } from '../../shared/driver-phone/phone-contract';
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
/** A JSON body in, a JSON answer out (the admin views' routes: shared/api/admin-api.ts). */
const jsonCall = (summary: string, body: z.ZodType | null, answer: z.ZodType, codes: number[], params: JsonSchema[] = []) => ({
  summary,
  ...(params.length > 0 ? { parameters: params } : {}),
  ...(body === null ? {} : { requestBody: { required: true, ...json(schemaOf(body, 'input')) } }),
  responses: { '200': { description: 'Done', ...json(schemaOf(answer, 'output')) }, ...errors(...codes) },
});
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
/** The driver's phone page's own API (shared/driver-phone/phone-contract.ts states its bodies). */
const phoneCall = (summary: string) => ({ summary, responses: { '200': { description: 'See shared/driver-phone/phone-contract.ts' }, ...errors(400, 401, 403, 404, 413, 415, 422, 429) } });
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
      '/api/couriers/providers': {
        get: { summary: 'Courier services an order can be handed to (desk tokens)', responses: { '200': { description: 'Providers' }, ...errors(401, 403) } },
      },
      '/api/couriers/review': {
        get: jsonCall('Courier events kept for a person (an order nobody knows, a code with no mapping, a refusal), oldest first (desk tokens)', null, courierReviewsAnswer, [401, 403]),
      },
      '/api/couriers/review/{id}/attach': {
        post: jsonCall(
          "Attach a reviewed event to our order: applied as a matched webhook, and its shipment number recorded on the order (desk tokens; 409 when closed or refused, 422 for a code with no mapping)",
          attachReviewBody,
          attachAnswer,
          [400, 401, 403, 404, 409, 413, 415, 422],
          [idParam('The review id')],
        ),
      },
      '/api/couriers/review/{id}/dismiss': {
        post: jsonCall('Close a reviewed event with an optional note (desk tokens; 409 when already closed)', dismissReviewBody, dismissedAnswer, [400, 401, 403, 404, 409, 413, 415, 422], [idParam('The review id')]),
      },
      '/api/gps/devices': {
        get: jsonCall('GPS devices that sent fixes without a binding, and the bound ones (admin tokens)', null, gpsDevicesAnswer, [401, 403]),
      },
      '/api/gps/devices/bind': {
        post: jsonCall('Bind a device id to a driver; takes effect on its next fix (admin tokens)', bindDeviceBody, boundAnswer, [400, 401, 403, 404, 413, 415, 422]),
      },
      '/api/gps/devices/unbind': {
        post: jsonCall('Unbind a device id (admin tokens)', unbindDeviceBody, unboundAnswer, [400, 401, 403, 404, 413, 415, 422]),
      },
      '/api/users': {
        get: jsonCall('Users and their roles (admin tokens)', null, usersAnswer, [401, 403]),
        post: jsonCall('Add a user; the answer shows the new token once (admin tokens)', addUserBody, issuedTokenAnswer, [400, 401, 403, 413, 415, 422]),
      },
      '/api/users/{id}/revoke': {
        post: jsonCall("Revoke a user's tokens and deactivate them; not oneself (admin tokens)", null, revokedAnswer, [401, 403, 404, 409], [idParam('The user id')]),
      },
      '/api/users/{id}/token': {
        post: jsonCall('Issue a new token for a user, shown once; the old ones stop working (admin tokens)', null, issuedTokenAnswer, [401, 403, 404, 409], [idParam('The user id')]),
      },
      '/api/archive/orders': {
        get: {
          summary: 'Search orders older than a desktop keeps: exactly one of number, phone or customer (desk tokens; 2 a second per token)',
          parameters: queryParameters(archiveQuerySchema as unknown as z.ZodObject),
          responses: { '200': { description: '{ orders, offset, hasMore }' }, ...errors(400, 401, 403, 429) },
        },
      },
      '/api/archive/orders/{number}': {
        get: { summary: 'One archived order with its timeline (desk tokens)', parameters: [numberParam], responses: { '200': { description: '{ order, events }' }, ...errors(400, 401, 403, 404, 429) } },
      },
      [`${DRIVER_API}/session`]: { post: phoneCall("The driver's phone signs in with its one-time link code") },
      [`${DRIVER_API}/me`]: { get: phoneCall('The signed-in phone: its driver and shift') },
      [`${DRIVER_API}/tasks`]: { get: phoneCall("The driver's orders for today") },
      [`${DRIVER_API}/marks`]: { post: phoneCall('A status or mark from the phone') },
      [`${DRIVER_API}/files`]: { post: phoneCall('A proof-of-delivery photo or signature') },
      [`${DRIVER_API}/files/{id}`]: { get: { ...phoneCall('A stored proof file'), parameters: [idParam('The file id')] } },
      [`${DRIVER_API}/shift`]: { post: phoneCall('Start or end the shift') },
      [`${DRIVER_API}/position`]: { post: phoneCall("The phone's position") },
      [`${DRIVER_API}/links`]: { post: phoneCall("Issue a phone link for a driver (desk tokens)") },
      [`${DRIVER_API}/revoke`]: { post: phoneCall("Sign a driver's phone out (desk tokens)") },
      [`${DRIVER_API}/devices`]: { get: phoneCall("A driver's signed-in phones (desk tokens)") },
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
