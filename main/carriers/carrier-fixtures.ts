// Test fixtures: a migrated in-memory replica and terse builders for carrier rows. Rows are
// written straight to the tables, as the sync client does when the server's changes arrive.
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns, TableConfig } from 'drizzle-orm/sqlite-core';
import type { CommandResult } from '../../shared/api/define';
import { mutationIdFactory, runMutator, type MutationActor, type MutatorTx } from '../../shared/mutators';
import { carrierDeals, carrierLanes, carrierOffers, carriers, carrierVehicles, SYNCED_TABLES } from '../../shared/schema';
import type { CarrierDealRow, CarrierOfferRow, CarrierRow, CarrierVehicleRow } from '../../shared/schema';
import { normalizePhone } from '../../shared/carriers/normalize-phone';
import { openReplica, type Replica } from '../db/open-replica';

export const T0 = Date.UTC(2026, 2, 1, 6);
export const DAY = 86_400_000;

export function memoryReplica(): Replica {
  return openReplica(':memory:');
}

let seq = 0;
function nextId(prefix: string): string {
  seq += 1;
  return `${prefix}-${seq}`;
}

export function addCarrier(r: Replica, over: Partial<CarrierRow> & { name: string }): CarrierRow {
  const row: CarrierRow = {
    id: nextId('c'),
    taxId: '',
    phone: '',
    phoneNormalized: normalizePhone(over.phone ?? ''),
    email: null,
    contactPerson: '',
    baseCity: '',
    currentCity: null,
    currentLat: null,
    currentLon: null,
    availableFrom: null,
    rating: 3,
    securityCheck: 'passed',
    securityCheckedAt: T0 - 100 * DAY,
    blacklisted: false,
    notes: '',
    createdAt: T0 - 365 * DAY,
    updatedAt: T0 - 365 * DAY,
    version: 1,
    ...over,
  };
  r.db.insert(carriers).values(row).run();
  return row;
}

export function addVehicle(r: Replica, carrierId: string, over: Partial<CarrierVehicleRow> = {}): CarrierVehicleRow {
  const row: CarrierVehicleRow = {
    id: nextId('v'),
    carrierId,
    type: 'tent',
    tonnage: 20,
    volumeM3: 82,
    refrigerated: false,
    adrClasses: '',
    oversize: false,
    plate: '',
    updatedAt: T0,
    ...over,
  };
  r.db.insert(carrierVehicles).values(row).run();
  return row;
}

export function addLane(r: Replica, carrierId: string, fromCity: string, toCity: string): void {
  r.db.insert(carrierLanes).values({ id: nextId('l'), carrierId, fromCity, toCity, updatedAt: T0 }).run();
}

export function addOffer(r: Replica, carrierId: string, over: Partial<CarrierOfferRow> & { fromCity: string; toCity: string }): CarrierOfferRow {
  const row: CarrierOfferRow = {
    id: nextId('o'),
    carrierId,
    vehicleType: null,
    rate: 300_000,
    currency: 'KZT',
    offeredAt: T0 - DAY,
    updatedAt: T0,
    ...over,
  };
  r.db.insert(carrierOffers).values(row).run();
  return row;
}

export function addDeal(r: Replica, carrierId: string, over: Partial<CarrierDealRow> & { fromCity: string; toCity: string }): CarrierDealRow {
  const row: CarrierDealRow = {
    id: nextId('d'),
    carrierId,
    orderId: null,
    vehicleType: null,
    rate: 350_000,
    currency: 'KZT',
    dealAt: T0 - 10 * DAY,
    outcome: 'success',
    note: '',
    vehicleId: null,
    loadingAt: null,
    contact: null,
    updatedAt: T0,
    ...over,
  };
  r.db.insert(carrierDeals).values(row).run();
  return row;
}

/**
 * A fake sync client's `mutate` for tests: runs the real mutator straight on the replica (no
 * outbox, no server), so what a command or an import queues is visible to the next query.
 */
export function fakeMutate(r: Replica, at = T0): (name: string, args: unknown) => Promise<CommandResult> {
  let mid = 0;
  const tx: MutatorTx = {
    get: (table, id) => {
      const t = SYNCED_TABLES[table] as unknown as SQLiteTableWithColumns<TableConfig> & { id: SQLiteColumn };
      return r.db.select().from(t).where(eq(t.id, id)).get() as never;
    },
    put: (table, row) => {
      const t = SYNCED_TABLES[table] as unknown as SQLiteTableWithColumns<TableConfig> & { id: SQLiteColumn };
      r.db.insert(t).values(row).onConflictDoUpdate({ target: t.id, set: row }).run();
    },
    delete: (table, id) => {
      const t = SYNCED_TABLES[table] as unknown as SQLiteTableWithColumns<TableConfig> & { id: SQLiteColumn };
      r.db.delete(t).where(eq(t.id, id)).run();
    },
    findOrderByNumber: () => undefined,
    findOrderByExternalId: () => undefined,
    allocateOrderNumber: () => 'T-1',
  };
  const actor: MutationActor = { id: 'u-logistician', name: 'Logistician Dana', actor: 'logistician', role: 'logistician' };
  return async (name, args) => {
    mid += 1;
    const outcome = r.sqlite.transaction(() => {
      const o = runMutator(tx, name, args, { actor, at, now: at, newId: mutationIdFactory('test', mid) });
      // Roll the writes back like a savepoint would.
      if (o.result === 'rejected') throw Object.assign(new Error(o.error.message), { outcome: o });
      return o;
    });
    try {
      outcome();
      return { ok: true, mid };
    } catch (e) {
      const o = (e as { outcome?: { error: { code: string; message: string } } }).outcome;
      if (!o) throw e;
      return { ok: false, code: 'conflict', message: o.error.message, details: { code: o.error.code } };
    }
  };
}
