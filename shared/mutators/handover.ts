// Handing an order to a carrier, a courier service, or back to the own fleet (issue 16). The
// order keeps its status, deadline and place in the queues; only who carries it changes, and
// the timeline says to whom, by whom and why. Moving an order away from someone who already
// carries it (a driver on it, a courier, a carrier) needs a reason.
import { z } from 'zod';
import { nearestCity } from '../carriers/city-coordinates';
import { carriedBy, handoverNeedsReason, SECURITY_OVERRIDE_ROLES, type CarriedBy, type HandoverDetail } from '../domain/carried-by';
import { MAX_TIME } from '../domain/order-intake';
import { isOpenStatus } from '../domain/order-status';
import { STATUS_LABELS } from '../domain/status-labels';
import type { Actor } from '../domain/vocabulary';
import type { CarrierDealRow, CarrierRow, CarrierVehicleRow, OrderRow } from '../schema';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { reject, type MutatorContext, type MutatorTx } from './mutator-tx';
import { loadOrder, OrderLabel, orderLabel, saveOrder, writeEvent } from './order-writes';

const id = z.string().min(1).max(128);
const reasonText = z.string().trim().max(2000);
/** Provider keys as the server's courier configuration names them ("cdek", "driver-app"). */
export const courierProviderSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a provider key: lower-case letters, digits and dashes');
/** A courier service's own shipment number: letters, digits, dashes (CDEK: 10 digits). */
export const trackingNumberSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'letters, digits and dashes, at most 64');

/** How far ahead a deal's loading time may be. */
export const MAX_LOADING_AHEAD_MS = 366 * 24 * 3_600_000;

/** Logisticians hand freight to carriers; the desk hands parcels to couriers and takes orders back. */
const HANDOVER_ACTORS: readonly Actor[] = [...DESK, 'logistician', ...MACHINES];

export const handToCarrier = defineMutator({
  label: 'hand orders to carriers',
  actors: HANDOVER_ACTORS,
  args: z
    .object({
      orderId: id,
      carrierId: id,
      vehicleId: id.nullable().optional(),
      rate: z.number().positive().max(1e10),
      currency: z.string().trim().length(3).toUpperCase().optional(),
      loadingAt: z.number().int().nonnegative().max(MAX_TIME),
      contact: z.string().trim().min(1).max(200),
      reason: reasonText.optional(),
      /** Why a carrier whose security check has not passed is chosen anyway (supervisor, admin). */
      overrideReason: reasonText.optional(),
    })
    .strict(),
  run(tx, args, ctx) {
    const order = openOrder(tx, args.orderId);
    // A loading time a year or more away is a typo (a wrong year), not a plan: its reminder would never come.
    if (args.loadingAt > ctx.at + MAX_LOADING_AHEAD_MS) {
      reject('bad_args', 'loadingAt: the loading time is more than a year away; check the date', { field: 'loadingAt', loadingAt: args.loadingAt });
    }
    const carrier = tx.get('carriers', args.carrierId) ?? reject('not_found', `Carrier ${args.carrierId} does not exist`, { field: 'carrierId', carrierId: args.carrierId });
    if (carrier.blacklisted) reject('blacklisted', `${carrier.name} is on the blacklist and can't be chosen`, { carrierId: carrier.id });
    const override = (args.overrideReason ?? '') !== '';
    if (carrier.securityCheck !== 'passed') {
      // Stryker disable next-line StringLiteral: a machine's null role becomes some string no role list holds; which one is immaterial
      const mayOverride = (SECURITY_OVERRIDE_ROLES as readonly string[]).includes(ctx.actor.role ?? '');
      if (!mayOverride || !override) {
        reject(
          'security_check',
          `${carrier.name} has not passed the security check` + (mayOverride ? ': give the reason to choose it anyway' : ': only a supervisor can choose it, with a reason'),
          { carrierId: carrier.id, securityCheck: carrier.securityCheck },
        );
      }
    }
    const vehicle = args.vehicleId == null ? undefined : vehicleOf(tx, carrier, args.vehicleId);
    if (order.carrierId === carrier.id) return; // already so: nothing to do
    const reason = needReason(order, 'carrier', args.reason);
    endOpenDeal(tx, ctx, order);
    const deal: CarrierDealRow = {
      id: ctx.newId(),
      carrierId: carrier.id,
      orderId: order.id,
      fromCity: loadingCity(tx, order),
      toCity: order.deliveryCity,
      vehicleType: vehicle?.type ?? null,
      rate: args.rate,
      currency: args.currency ?? 'KZT',
      dealAt: ctx.at,
      outcome: 'success',
      note: '',
      vehicleId: vehicle?.id ?? null,
      loadingAt: args.loadingAt,
      contact: args.contact,
      updatedAt: ctx.now,
    };
    tx.put('carrier_deals', deal);
    moveOrder(tx, ctx, order, { carrierId: carrier.id, carrierDealId: deal.id, courierProvider: null, courierTrackingNumber: null });
    const comment = [reason, override && carrier.securityCheck !== 'passed' ? args.overrideReason : null].filter(Boolean).join(' · ');
    writeHandover(tx, ctx, order.id, { to: 'carrier', name: carrier.name, securityOverride: carrier.securityCheck !== 'passed' ? true : undefined }, comment);
  },
});

export const handToCourier = defineMutator({
  label: 'hand orders to courier services',
  actors: HANDOVER_ACTORS,
  args: z
    .object({
      orderId: id,
      provider: courierProviderSchema,
      /** The provider's number; null asks the server to create the shipment through the provider's API. */
      trackingNumber: trackingNumberSchema.nullable(),
      reason: reasonText.optional(),
    })
    .strict(),
  run(tx, args, ctx) {
    const order = openOrder(tx, args.orderId);
    if (order.courierProvider === args.provider && order.courierTrackingNumber === args.trackingNumber) return;
    const reason = needReason(order, 'courier', args.reason);
    endOpenDeal(tx, ctx, order);
    moveOrder(tx, ctx, order, { carrierId: null, carrierDealId: null, courierProvider: args.provider, courierTrackingNumber: args.trackingNumber });
    writeHandover(tx, ctx, order.id, { to: 'courier', name: args.provider, trackingNumber: args.trackingNumber, viaApi: args.trackingNumber === null ? true : undefined }, reason);
  },
});

export const handToOwnFleet = defineMutator({
  label: 'take orders back to the own fleet',
  actors: HANDOVER_ACTORS,
  args: z.object({ orderId: id, reason: reasonText.min(1) }).strict(),
  run(tx, args, ctx) {
    const order = openOrder(tx, args.orderId);
    if (carriedBy(order) === 'own') return;
    endOpenDeal(tx, ctx, order);
    moveOrder(tx, ctx, order, { carrierId: null, carrierDealId: null, courierProvider: null, courierTrackingNumber: null });
    writeHandover(tx, ctx, order.id, { to: 'own', name: null }, args.reason);
  },
});

/**
 * The server's answer from a courier service's API (system only): the shipment's number, or why
 * it could not be created. Applies only while the order still waits for that provider's number.
 */
export const recordCourierShipment = defineMutator({
  label: 'record courier shipments',
  actors: MACHINES,
  args: z
    .object({
      orderId: id,
      provider: courierProviderSchema,
      trackingNumber: trackingNumberSchema.nullable(),
      error: z.string().max(2000).nullable(),
    })
    .strict(),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    if (order.courierProvider !== args.provider || order.courierTrackingNumber !== null) return; // moved on meanwhile
    if (args.trackingNumber !== null) {
      saveOrder(tx, ctx, { ...order, courierTrackingNumber: args.trackingNumber });
      writeHandover(tx, ctx, order.id, { to: 'courier', name: args.provider, trackingNumber: args.trackingNumber, viaApi: true }, '');
    } else {
      writeHandover(tx, ctx, order.id, { to: 'courier', name: args.provider, viaApi: true, failed: true }, args.error ?? '');
    }
  },
});

function openOrder(tx: MutatorTx, orderId: string): OrderRow {
  const order = loadOrder(tx, orderId);
  if (!isOpenStatus(order.status)) {
    reject('invalid_state', `${OrderLabel(order)} is ${STATUS_LABELS[order.status]}: it can't be handed over`, { status: order.status });
  }
  return order;
}

/** The carrier's own vehicle: one of another carrier's (or none) is refused. */
function vehicleOf(tx: MutatorTx, carrier: CarrierRow, vehicleId: string): CarrierVehicleRow {
  const v = tx.get('carrier_vehicles', vehicleId);
  if (v === undefined || v.carrierId !== carrier.id) reject('not_found', `Vehicle ${vehicleId} is not ${carrier.name}'s`, { field: 'vehicleId', vehicleId });
  return v;
}

/**
 * Taking an order from whoever carries it (a driver on it, a courier, a carrier) needs a reason.
 * Back to the own fleet always needs one: that mutator's schema asks it.
 */
function needReason(order: OrderRow, to: Exclude<CarriedBy, 'own'>, reason: string | undefined): string {
  const from = carriedBy(order);
  if (handoverNeedsReason(order) && (reason ?? '') === '') {
    reject('reason_required', `Say why ${orderLabel(order)} moves from ${from === 'own' ? 'its driver' : `the ${from}`} to a ${to}`, { from, to });
  }
  return reason ?? '';
}

/** The carrier that had the order no longer does: its deal is marked cancelled on its card. */
function endOpenDeal(tx: MutatorTx, ctx: MutatorContext, order: OrderRow): void {
  // Stryker disable next-line ConditionalExpression: without it tx.get finds no deal under a null id and nothing happens either
  if (order.carrierDealId === null) return;
  const deal = tx.get('carrier_deals', order.carrierDealId);
  if (deal !== undefined && deal.outcome === 'success') tx.put('carrier_deals', { ...deal, outcome: 'cancelled', updatedAt: ctx.now });
}

function moveOrder(tx: MutatorTx, ctx: MutatorContext, order: OrderRow, who: Pick<OrderRow, 'carrierId' | 'carrierDealId' | 'courierProvider' | 'courierTrackingNumber'>): void {
  const withOthers = who.carrierId !== null || who.courierProvider !== null;
  saveOrder(tx, ctx, {
    ...order,
    ...who,
    // Handed to others, the own driver is off it; back to the fleet, a dispatcher assigns one.
    driverId: withOthers ? null : order.driverId,
    assignedBy: withOthers ? ctx.actor.id : null,
    assignedAt: withOthers ? ctx.at : null,
  });
}

function writeHandover(tx: MutatorTx, ctx: MutatorContext, orderId: string, detail: HandoverDetail, comment: string): void {
  const clean = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined)) as unknown as HandoverDetail;
  writeEvent(tx, ctx, orderId, { kind: 'handover', handover: clean, comment: comment === '' ? null : comment });
}

/** The loading city of a deal: the known city at the pickup point, else the warehouse's, else the delivery city. */
export function loadingCity(tx: MutatorTx, order: OrderRow): string {
  const near = nearestCity({ lat: order.pickupLat, lon: order.pickupLon });
  if (near !== null) return near;
  // Stryker disable next-line ConditionalExpression: only its `false` survives, and tx.get finds no warehouse under a null id either ('true' is killed by the loading-city test)
  const wh = order.warehouseId === null ? undefined : tx.get('warehouses', order.warehouseId);
  return wh?.city ?? order.deliveryCity;
}
