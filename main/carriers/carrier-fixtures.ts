// Test fixtures: a migrated in-memory replica and terse builders for carrier rows. Rows are
// written straight to the tables, as the sync client does when the server's changes arrive.
import { carrierDeals, carrierLanes, carrierOffers, carriers, carrierVehicles } from '../../shared/schema';
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
    updatedAt: T0,
    ...over,
  };
  r.db.insert(carrierDeals).values(row).run();
  return row;
}
