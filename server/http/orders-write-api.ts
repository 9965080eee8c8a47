// POST /api/orders, PATCH /api/orders/:number, POST /api/orders/:number/payment: how shops,
// marketplaces and payment systems hand orders over (issue 14). Every change runs through the
// server's mutators (the same rules as a dispatcher's click) and the change log, so a new
// order reaches every connected console at once. Idempotent by (integration, externalId).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { roleToActor } from '../../shared/domain/order-status';
import { windowProblem } from '../../shared/domain/order-intake';
import { nearest } from '../../shared/domain/geo';
import { placeAddress } from '../../shared/geo/gazetteer';
import type { MutationActor, MutationOutcome } from '../../shared/mutators';
import type { OrderEdit } from '../../shared/mutators/order-intake-mutators';
import type { SessionUser } from '../../shared/protocol';
import type { WarehouseRow } from '../../shared/schema';
import { createOrderBody, patchOrderBody, paymentBody } from './orders-rest-schema';
import { countedHandler, fail, guardedJson, HttpFailure, invalid, type Handled } from './json-route';
import { Counters, RateLimiter, type RateLimitOptions } from './request-guards';
import type { RouteContext, Router } from './router';

/** Largest body a write endpoint reads; an order is well under 4 KiB. */
export const MAX_ORDER_BODY_BYTES = 64 * 1024;
export const DEFAULT_ORDERS_RATE: RateLimitOptions = { perSecond: 20, burst: 40 };

export interface OrdersWriteApiOptions {
  sqlite: Database.Database;
  runMutation(name: string, args: unknown, actor: MutationActor): MutationOutcome;
  clock: () => number;
  rate?: RateLimitOptions;
}

interface OrderRef {
  id: string;
  number: string;
  status: string;
  external_id: string | null;
  external_source: string | null;
  delivery_lat: number;
  delivery_lon: number;
}

/** Business rejections of the mutators as HTTP statuses; the message goes through as is. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  not_found: 404,
  forbidden: 403,
  bad_args: 422,
  internal: 500,
};

export function actorOf(user: SessionUser): MutationActor {
  return { id: user.id, name: user.name, actor: roleToActor(user.role), role: user.role };
}

export function mountOrdersWriteApi(router: Pick<Router, 'addRoute'>, opts: OrdersWriteApiOptions): { counters: Counters } {
  const counters = new Counters();
  const limiter = new RateLimiter(opts.rate ?? DEFAULT_ORDERS_RATE, opts.clock);
  const cols = 'id, number, status, external_id, external_source, delivery_lat, delivery_lon';
  const byExternal = opts.sqlite.prepare<[string, string], OrderRef>(`SELECT ${cols} FROM orders WHERE external_source = ? AND external_id = ?`);
  const byNumber = opts.sqlite.prepare<[string], OrderRef>(`SELECT ${cols} FROM orders WHERE number = ?`);
  const warehouses = opts.sqlite.prepare<[], Pick<WarehouseRow, 'id' | 'address' | 'lat' | 'lon'> & { region_id: string }>(
    'SELECT id, address, lat, lon, region_id FROM warehouses ORDER BY id',
  );
  const paidAt = opts.sqlite.prepare<[string], { paid_at: number | null }>('SELECT paid_at FROM orders WHERE id = ?');

  /** Rate, size, depth: the checks before any schema. Returns the parsed JSON. */
  async function guarded(ctx: RouteContext): Promise<unknown> {
    const user = ctx.user as SessionUser;
    const rate = limiter.take(user.id);
    if (!rate.ok) {
      ctx.res.setHeader('retry-after', String(Math.ceil(rate.retryAfterMs / 1000)));
      fail(429, 'rate_limited', `Too many requests for this token; retry in ${Math.ceil(rate.retryAfterMs / 1000)} s`);
    }
    return guardedJson(ctx, MAX_ORDER_BODY_BYTES);
  }

  /** Where an address lands: its own coordinates, else the gazetteer's district or city centre. */
  function locate(a: { address: string; city: string; lat?: number | undefined; lon?: number | undefined }, field: string) {
    const place = placeAddress(a.city, a.address);
    if (a.lat !== undefined && a.lon !== undefined) return { lat: a.lat, lon: a.lon, city: place?.city ?? a.city, approximate: false };
    if (place === undefined) fail(422, 'validation_failed', `${field}.city: "${a.city.slice(0, 64)}" is not a city we serve; send lat and lon`, `${field}.city`);
    return { lat: (place as { lat: number }).lat, lon: (place as { lon: number }).lon, city: (place as { city: string }).city, approximate: true };
  }

  function outcome(result: MutationOutcome): void {
    if (result.result === 'applied') return;
    const { code, message } = result.error;
    const field = typeof result.error.details?.['field'] === 'string' ? (result.error.details['field'] as string) : undefined;
    throw new HttpFailure(STATUS_OF_CODE[code] ?? 409, field === undefined ? { error: code, message } : { error: code, message, field });
  }

  /** The body, checked against the route's schema (else a 400 naming the field). */
  async function bodyOf<S extends z.ZodType>(ctx: RouteContext, schema: S): Promise<z.output<S>> {
    const parsed = schema.safeParse(await guarded(ctx));
    if (!parsed.success) invalid(parsed.error);
    return parsed.data as z.output<S>;
  }

  /** Runs a mutation as the caller; a refusal becomes its HTTP answer (see outcome). */
  function mutate(ctx: RouteContext, name: string, args: unknown): void {
    outcome(opts.runMutation(name, args, actorOf(ctx.user as SessionUser)));
  }

  /** The order named in the path, if it is the caller's to change. */
  function ownOrder(ctx: RouteContext): OrderRef {
    const user = ctx.user as SessionUser;
    const number = ctx.params['number'] ?? '';
    const order = byNumber.get(number);
    // Another shop's order answers exactly like a missing one: numbers are guessable.
    if (order === undefined || (user.role === 'integration' && order.external_source !== user.id)) {
      return fail(404, 'not_found', `No order with number ${number}`);
    }
    return order;
  }

  // Every refusal is counted by its reason, and changed nothing.
  const handle = (run: (ctx: RouteContext) => Promise<Handled>) => countedHandler(counters, run);

  router.addRoute({
    method: 'POST',
    path: '/api/orders',
    integration: true,
    handler: handle(async (ctx) => {
      const user = ctx.user as SessionUser;
      const body = await bodyOf(ctx, createOrderBody);
      const existing = byExternal.get(user.id, body.externalId);
      if (existing !== undefined) return { status: 200, body: created(existing, false, false), count: 'duplicate' };
      const delivery = locate(body.delivery, 'delivery');
      const all = warehouses.all();
      const warehouse =
        body.warehouseId !== undefined
          ? (all.find((w) => w.id === body.warehouseId) ?? fail(422, 'validation_failed', `warehouseId: no warehouse ${body.warehouseId.slice(0, 64)}`, 'warehouseId'))
          : nearest(all, delivery);
      if (warehouse === undefined) fail(422, 'validation_failed', 'warehouseId: there is no warehouse to route the order through', 'warehouseId');
      const wh = warehouse as (typeof all)[number];
      const pickup = body.pickup === undefined ? { address: wh.address, lat: wh.lat, lon: wh.lon } : { address: body.pickup.address, ...locate(body.pickup, 'pickup') };
      const window = body.window === undefined ? null : { start: Date.parse(body.window.start), end: Date.parse(body.window.end) };
      const windowIssue = window === null ? null : windowProblem(window.start, window.end);
      if (windowIssue !== null) fail(422, 'validation_failed', `window.end: ${windowIssue}`, 'window.end');
      mutate(ctx, 'createOrder', {
        externalId: body.externalId,
        customerName: body.customer.name,
        customerPhone: body.customer.phone,
        customerEmail: body.customer.email ?? null,
        pickupAddress: pickup.address,
        pickupLat: pickup.lat,
        pickupLon: pickup.lon,
        deliveryAddress: body.delivery.address,
        deliveryCity: delivery.city,
        deliveryLat: delivery.lat,
        deliveryLon: delivery.lon,
        warehouseId: wh.id,
        regionId: wh.region_id,
        serviceType: body.serviceType,
        windowStart: window?.start ?? null,
        windowEnd: window?.end ?? null,
        cargoDescription: body.cargo?.description,
        weightKg: body.cargo?.weightKg,
        volumeM3: body.cargo?.volumeM3,
        places: body.cargo?.places,
        fragile: body.cargo?.fragile,
        refrigerated: body.cargo?.refrigerated,
        hazardClass: body.cargo?.hazardClass,
      });
      const order = byExternal.get(user.id, body.externalId) as OrderRef;
      return { status: 201, body: created(order, true, delivery.approximate), count: 'created' };
    }),
  });

  router.addRoute({
    method: 'PATCH',
    path: '/api/orders/:number',
    integration: true,
    handler: handle(async (ctx) => {
      const body = await bodyOf(ctx, patchOrderBody);
      const order = ownOrder(ctx);
      if (body.cancel !== undefined) {
        mutate(ctx, 'cancelOrder', { orderId: order.id, comment: body.cancel.reason });
        return { status: 200, body: { number: order.number, status: 'cancelled' }, count: 'cancelled' };
      }
      const changes: OrderEdit = {};
      if (body.delivery !== undefined) {
        const at = locate(body.delivery, 'delivery');
        Object.assign(changes, { deliveryAddress: body.delivery.address, deliveryCity: at.city, deliveryLat: at.lat, deliveryLon: at.lon });
      }
      if (body.window !== undefined) {
        const start = body.window === null ? null : Date.parse(body.window.start);
        const end = body.window === null ? null : Date.parse(body.window.end);
        const issue = windowProblem(start, end);
        if (issue !== null) fail(422, 'validation_failed', `window.end: ${issue}`, 'window.end');
        Object.assign(changes, { windowStart: start, windowEnd: end });
      }
      if (body.customer?.name !== undefined) changes.customerName = body.customer.name;
      if (body.customer?.phone !== undefined) changes.customerPhone = body.customer.phone;
      if (body.customer?.email !== undefined) changes.customerEmail = body.customer.email;
      mutate(ctx, 'editOrder', { orderId: order.id, changes });
      const after = byNumber.get(order.number) as OrderRef;
      return { status: 200, body: { number: after.number, status: after.status }, count: 'edited' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/orders/:number/payment',
    integration: true,
    handler: handle(async (ctx) => {
      const body = await bodyOf(ctx, paymentBody);
      const order = ownOrder(ctx);
      mutate(ctx, 'recordPayment', {
        orderId: order.id,
        amount: body.amount,
        method: body.method,
        reference: body.reference,
        paidAt: body.paidAt === undefined ? undefined : Date.parse(body.paidAt),
      });
      const after = byNumber.get(order.number) as OrderRef;
      return { status: 200, body: { number: after.number, status: after.status, paidAt: paidAt.get(after.id)?.paid_at ?? null }, count: 'paid' };
    }),
  });

  return { counters };
}

function created(o: OrderRef, isNew: boolean, approximate: boolean) {
  return {
    number: o.number,
    status: o.status,
    externalId: o.external_id,
    created: isNew,
    deliveryLat: o.delivery_lat,
    deliveryLon: o.delivery_lon,
    approximateLocation: approximate,
  };
}
