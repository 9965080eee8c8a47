// Carrier database mutators (issue 6). Carriers are edited by logisticians; fields are
// last-writer-wins in server order. Tax ids are checked (check digits) when set or changed;
// phones are stored as typed plus a canonical form for search and duplicate checks.
import { z } from 'zod';
import type { Actor } from '../domain/vocabulary';
import type { CarrierRow, CarrierVehicleRow } from '../schema';
import {
  CARRIER_EDITOR_ROLES,
  blacklistArgs,
  carrierFields,
  carrierIdSchema,
  dealFields,
  importCarriersArgs,
  laneFields,
  offerFields,
  securityCheckArgs,
  vehicleFields,
  type CarrierFields,
  type ImportRowArgs,
  type VehicleFields,
} from '../carriers/carrier-args';
import { normalizePhone } from '../carriers/normalize-phone';
import { checkTaxId } from '../carriers/tax-id';
import { defineMutator, MACHINES } from './define-mutator';
import { reject, type MutatorContext, type MutatorTx } from './mutator-tx';

export { normalizePhone };

const CARRIER_ACTORS: readonly Actor[] = [...CARRIER_EDITOR_ROLES, ...MACHINES];
/** Blacklisting and the security verdict are a supervisor's call as much as a logistician's. */
const VERDICT_ACTORS = CARRIER_ACTORS;

export const createCarrier = defineMutator({
  label: 'add carriers',
  actors: CARRIER_ACTORS,
  args: carrierFields,
  run(tx, args, ctx) {
    tx.put('carriers', newCarrierRow(ctx.newId(), args, ctx));
  },
});

export const editCarrier = defineMutator({
  label: 'edit carriers',
  actors: CARRIER_ACTORS,
  args: z.object({ carrierId: carrierIdSchema, patch: carrierFields.partial() }),
  run(tx, args, ctx) {
    tx.put('carriers', patchedCarrier(loadCarrier(tx, args.carrierId), args.patch, ctx));
  },
});

export const setCarrierSecurityCheck = defineMutator({
  label: 'record security checks',
  actors: VERDICT_ACTORS,
  args: securityCheckArgs,
  run(tx, args, ctx) {
    const carrier = loadCarrier(tx, args.carrierId);
    const label = { pending: 'ожидает', passed: 'пройдена', failed: 'не пройдена' }[args.state];
    tx.put('carriers', {
      ...carrier,
      securityCheck: args.state,
      securityCheckedAt: args.state === 'pending' ? null : ctx.at,
      notes: appendNote(carrier.notes, ctx.at, `Проверка безопасности: ${label}`, args.note),
      updatedAt: ctx.now,
      version: carrier.version + 1,
    });
  },
});

export const setCarrierBlacklisted = defineMutator({
  label: 'blacklist carriers',
  actors: VERDICT_ACTORS,
  args: blacklistArgs,
  run(tx, args, ctx) {
    const carrier = loadCarrier(tx, args.carrierId);
    if (args.blacklisted && (args.reason ?? '') === '') {
      reject('reason_required', 'Say why the carrier goes on the blacklist', { carrierId: args.carrierId });
    }
    tx.put('carriers', {
      ...carrier,
      blacklisted: args.blacklisted,
      notes: appendNote(carrier.notes, ctx.at, args.blacklisted ? 'В чёрном списке' : 'Снят с чёрного списка', args.reason),
      updatedAt: ctx.now,
      version: carrier.version + 1,
    });
  },
});

export const addCarrierVehicle = defineMutator({
  label: 'add carrier vehicles',
  actors: CARRIER_ACTORS,
  args: vehicleFields.extend({ carrierId: carrierIdSchema }),
  run(tx, args, ctx) {
    loadCarrier(tx, args.carrierId);
    tx.put('carrier_vehicles', vehicleRow(ctx.newId(), args.carrierId, args, ctx));
  },
});

export const editCarrierVehicle = defineMutator({
  label: 'edit carrier vehicles',
  actors: CARRIER_ACTORS,
  args: z.object({ vehicleId: carrierIdSchema, patch: vehicleFields.partial() }),
  run(tx, args, ctx) {
    const vehicle = tx.get('carrier_vehicles', args.vehicleId) ?? reject('not_found', `Vehicle ${args.vehicleId} does not exist`, { field: 'vehicleId' });
    const patch = definedOnly(args.patch);
    tx.put('carrier_vehicles', { ...vehicle, ...patch, updatedAt: ctx.now });
  },
});

export const removeCarrierVehicle = defineMutator({
  label: 'remove carrier vehicles',
  actors: CARRIER_ACTORS,
  args: z.object({ vehicleId: carrierIdSchema }),
  run(tx, args) {
    if (tx.get('carrier_vehicles', args.vehicleId) === undefined) reject('not_found', `Vehicle ${args.vehicleId} does not exist`, { field: 'vehicleId' });
    tx.delete('carrier_vehicles', args.vehicleId);
  },
});

export const addCarrierLane = defineMutator({
  label: 'add carrier directions',
  actors: CARRIER_ACTORS,
  args: laneFields.extend({ carrierId: carrierIdSchema }),
  run(tx, args, ctx) {
    loadCarrier(tx, args.carrierId);
    tx.put('carrier_lanes', { id: ctx.newId(), carrierId: args.carrierId, fromCity: args.fromCity, toCity: args.toCity, updatedAt: ctx.now });
  },
});

export const removeCarrierLane = defineMutator({
  label: 'remove carrier directions',
  actors: CARRIER_ACTORS,
  args: z.object({ laneId: carrierIdSchema }),
  run(tx, args) {
    if (tx.get('carrier_lanes', args.laneId) === undefined) reject('not_found', `Direction ${args.laneId} does not exist`, { field: 'laneId' });
    tx.delete('carrier_lanes', args.laneId);
  },
});

export const addCarrierOffer = defineMutator({
  label: 'record carrier offers',
  actors: CARRIER_ACTORS,
  args: offerFields,
  run(tx, args, ctx) {
    loadCarrier(tx, args.carrierId);
    tx.put('carrier_offers', {
      id: ctx.newId(),
      carrierId: args.carrierId,
      fromCity: args.fromCity,
      toCity: args.toCity,
      vehicleType: args.vehicleType ?? null,
      rate: args.rate,
      currency: args.currency ?? 'KZT',
      offeredAt: args.offeredAt ?? ctx.at,
      updatedAt: ctx.now,
    });
  },
});

export const recordCarrierDeal = defineMutator({
  label: 'record carrier deals',
  actors: CARRIER_ACTORS,
  args: dealFields,
  run(tx, args, ctx) {
    loadCarrier(tx, args.carrierId);
    if (args.orderId != null && tx.get('orders', args.orderId) === undefined) {
      reject('not_found', `Order ${args.orderId} does not exist`, { field: 'orderId', orderId: args.orderId });
    }
    tx.put('carrier_deals', {
      id: ctx.newId(),
      carrierId: args.carrierId,
      orderId: args.orderId ?? null,
      fromCity: args.fromCity,
      toCity: args.toCity,
      vehicleType: args.vehicleType ?? null,
      rate: args.rate,
      currency: args.currency ?? 'KZT',
      dealAt: args.dealAt ?? ctx.at,
      outcome: args.outcome,
      note: args.note ?? '',
      vehicleId: null,
      loadingAt: null,
      contact: null,
      updatedAt: ctx.now,
    });
  },
});

/**
 * A batch of spreadsheet rows (main/carriers/import validated and de-duplicated them against
 * the replica first; the server re-checks every row's fields here). A row with `existingId`
 * updates that carrier with the non-empty cells; lanes and a vehicle with a plate get ids
 * derived from the carrier, so importing the same file twice adds nothing twice.
 */
export const importCarriers = defineMutator({
  label: 'import carriers',
  actors: CARRIER_ACTORS,
  args: importCarriersArgs,
  run(tx, args, ctx) {
    args.rows.forEach((row, i) => {
      try {
        importRow(tx, row, ctx);
      } catch (e) {
        // Say which row, or the user cannot find it in a 5,000-row file.
        if (e instanceof Error && 'code' in e) reject(String(e.code), `Row ${i + 1} of the batch: ${e.message}`, { row: i });
        throw e;
      }
    });
  },
});

function importRow(tx: MutatorTx, row: ImportRowArgs, ctx: MutatorContext): void {
  // Stryker disable next-line ConditionalExpression: only its `false` survives: tx.get finds no carrier under an undefined id either
  const existing = row.existingId === undefined ? undefined : tx.get('carriers', row.existingId);
  let carrierId: string;
  if (existing) {
    const patch = definedOnly(row.carrier);
    // Empty cells never wipe what the base knows.
    for (const key of Object.keys(patch) as (keyof typeof patch)[]) if (patch[key] === '') delete patch[key];
    tx.put('carriers', patchedCarrier(existing, patch, ctx));
    carrierId = existing.id;
  } else {
    carrierId = ctx.newId();
    tx.put('carriers', newCarrierRow(carrierId, row.carrier, ctx));
  }
  if (row.vehicle) {
    // Stryker disable next-line Regex: dropping whitespace a run at a time or a character at a time leaves the same plate
    const plate = (row.vehicle.plate ?? '').replace(/\s+/g, '').toUpperCase();
    const id = plate === '' ? ctx.newId() : `${carrierId}:vehicle:${plate}`;
    tx.put('carrier_vehicles', vehicleRow(id, carrierId, row.vehicle, ctx));
  }
  for (const lane of row.lanes ?? []) {
    // Stryker disable next-line MethodExpression: the id only needs one case for both spellings; upper or lower tells the same Russian/Kazakh city names apart
    const id = `${carrierId}:lane:${lane.fromCity.toLowerCase()}>${lane.toCity.toLowerCase()}`;
    if (tx.get('carrier_lanes', id) === undefined) {
      tx.put('carrier_lanes', { id, carrierId, fromCity: lane.fromCity, toCity: lane.toCity, updatedAt: ctx.now });
    }
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkedTaxId(raw: string): string {
  if (raw === '') return ''; // the args schema trimmed it: blank cells arrive as ''
  const check = checkTaxId(raw);
  if (!check.ok) {
    reject('invalid_tax_id', check.reason === 'format' ? `Tax id "${raw}" must be 10 or 12 digits` : `Tax id "${raw}" has a wrong check digit`, { taxId: raw });
  }
  return check.value;
}

function newCarrierRow(id: string, args: CarrierFields, ctx: MutatorContext): CarrierRow {
  const phone = args.phone ?? '';
  return {
    id,
    name: args.name,
    taxId: checkedTaxId(args.taxId ?? ''),
    phone,
    phoneNormalized: normalizePhone(phone),
    email: args.email ?? null,
    contactPerson: args.contactPerson ?? '',
    baseCity: args.baseCity ?? '',
    currentCity: args.currentCity ?? null,
    currentLat: args.currentLat ?? null,
    currentLon: args.currentLon ?? null,
    availableFrom: args.availableFrom ?? null,
    rating: args.rating ?? 0,
    securityCheck: args.securityCheck ?? 'pending',
    securityCheckedAt: args.securityCheck === undefined || args.securityCheck === 'pending' ? null : ctx.at,
    blacklisted: args.blacklisted ?? false,
    notes: args.notes ?? '',
    createdAt: ctx.at,
    updatedAt: ctx.now,
    version: 1,
  };
}

function patchedCarrier(carrier: CarrierRow, rawPatch: Partial<CarrierFields>, ctx: MutatorContext): CarrierRow {
  const patch = definedOnly(rawPatch);
  const next: CarrierRow = { ...carrier, ...patch, updatedAt: ctx.now, version: carrier.version + 1 };
  // An unchanged tax id is kept as is, even if it predates the check (old imports, demo data).
  if (patch.taxId !== undefined && patch.taxId !== carrier.taxId) next.taxId = checkedTaxId(patch.taxId);
  if (patch.phone !== undefined) next.phoneNormalized = normalizePhone(patch.phone);
  if (patch.securityCheck !== undefined && patch.securityCheck !== carrier.securityCheck) {
    next.securityCheckedAt = patch.securityCheck === 'pending' ? null : ctx.at;
  }
  return next;
}

function vehicleRow(id: string, carrierId: string, v: VehicleFields, ctx: MutatorContext): CarrierVehicleRow {
  return {
    id,
    carrierId,
    type: v.type,
    tonnage: v.tonnage,
    volumeM3: v.volumeM3 ?? 0,
    refrigerated: v.refrigerated ?? v.type === 'refrigerator',
    adrClasses: v.adrClasses ?? '',
    oversize: v.oversize ?? false,
    plate: v.plate ?? '',
    updatedAt: ctx.now,
  };
}

/** "…\n[2026-03-01] В чёрном списке: сорвал срок" — the date in UTC, the note as written. */
function appendNote(notes: string, at: number, what: string, note: string | undefined): string {
  const line = `[${new Date(at).toISOString().slice(0, 10)}] ${what}${note ? `: ${note}` : ''}`;
  const next = notes === '' ? line : `${notes}\n${line}`;
  // Notes are capped at 4,000 characters by the schema; keep the newest lines when they overflow.
  // Stryker disable next-line EqualityOperator: at exactly 4,000 characters slicing keeps all of them, so < and <= agree
  return next.length <= 4000 ? next : next.slice(next.length - 4000);
}

function loadCarrier(tx: MutatorTx, carrierId: string): CarrierRow {
  return tx.get('carriers', carrierId) ?? reject('not_found', `Carrier ${carrierId} does not exist`, { field: 'carrierId', carrierId });
}
