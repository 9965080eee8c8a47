// The new-order form as text fields (what a person types) and the one function that turns
// them into the createOrder request, with every problem named by its field. The rules past
// parsing are shared/domain/new-order-check.ts, which main runs again before writing.
import type { CustomerMatch, NewOrderRequest } from '../../../../shared/api/order-intake-api';
import type { WarehouseListRow } from '../../../../shared/api/warehouse-api';
import { nearest } from '../../../../shared/domain/geo';
import { checkNewOrder, type FieldProblem, type NewOrderField } from '../../../../shared/domain/new-order-check';
import type { ServiceType } from '../../../../shared/domain/vocabulary';
import { coordText, parseAmount, windowInstants } from '../../ui/form-input';
import { hazardClassOf, type OrderFieldsDraft } from '../../ui/order-draft';

export { coordText, parseAmount, windowInstants };

export interface Draft extends OrderFieldsDraft {
  customerId: string | null;
  /** From the customer's contract: null for an ordinary customer (or a new one). */
  vipNormMinutes: number | null;
  /** The point is a district or city centre: the dispatcher should move it to the house. */
  deliveryApproximate: boolean;
  /** null = direct pickup from the sender, no warehouse step. */
  warehouseId: string | null;
  /** Still the nearest warehouse the form proposed (it follows the delivery point until chosen). */
  warehouseProposed: boolean;
  pickupAddress: string;
  pickupLat: string;
  pickupLon: string;
  serviceType: ServiceType;
}

export function emptyDraft(): Draft {
  return {
    customerId: null,
    customerName: '',
    customerPhone: '',
    customerEmail: '',
    vipNormMinutes: null,
    deliveryAddress: '',
    deliveryCity: '',
    deliveryLat: '',
    deliveryLon: '',
    deliveryApproximate: false,
    warehouseId: null,
    warehouseProposed: true,
    pickupAddress: '',
    pickupLat: '',
    pickupLon: '',
    serviceType: 'standard',
    windowDay: '',
    windowFrom: 14 * 60,
    windowTo: 16 * 60,
    cargoDescription: '',
    weightKg: '',
    volumeM3: '',
    places: '1',
    fragile: false,
    refrigerated: false,
    hazardClass: '',
  };
}

/** Puts the customer a search found into the draft (their last address too, when there is one). */
export function withCustomer(d: Draft, c: CustomerMatch): Draft {
  const next: Draft = { ...d, customerId: c.customerId, customerName: c.name, customerPhone: c.phone, customerEmail: c.email ?? '', vipNormMinutes: c.vipNormMinutes };
  const last = c.lastAddresses[0];
  return last === undefined ? next : withDeliveryPoint(next, { address: last.address, city: last.city, lat: last.lat, lon: last.lon, approximate: false }, []);
}

/** A new delivery point; the proposed warehouse follows it (the nearest) until a person picks one. */
export function withDeliveryPoint(
  d: Draft,
  p: { address?: string; city?: string; lat: number; lon: number; approximate: boolean },
  warehouses: readonly WarehouseListRow[],
): Draft {
  let next: Draft = {
    ...d,
    deliveryAddress: p.address ?? d.deliveryAddress,
    deliveryCity: p.city ?? d.deliveryCity,
    deliveryLat: coordText(p.lat),
    deliveryLon: coordText(p.lon),
    deliveryApproximate: p.approximate,
  };
  if (next.warehouseProposed && warehouses.length > 0) {
    const w = nearest(warehouses, p);
    if (w) next = withWarehouse(next, w, true);
  }
  return next;
}

/** The warehouse the goods go through; the pickup is its address. */
export function withWarehouse(d: Draft, w: WarehouseListRow | null, proposed: boolean): Draft {
  if (w === null) return { ...d, warehouseId: null, warehouseProposed: proposed };
  return { ...d, warehouseId: w.id, warehouseProposed: proposed, pickupAddress: w.address, pickupLat: coordText(w.lat), pickupLon: coordText(w.lon) };
}

export interface Built {
  request: NewOrderRequest | null;
  problems: FieldProblem[];
}

/** The request, or the problems (field by field, in the form's order) that stop it. */
export function buildRequest(d: Draft, offsetMinutes: number, now: number): Built {
  const problems: FieldProblem[] = [];
  const coord = (field: NewOrderField, text: string): number => {
    const n = parseAmount(text);
    if (n === undefined) {
      problems.push({ field, problem: 'required' });
      return 0;
    }
    if (Number.isNaN(n)) {
      problems.push({ field, problem: 'not_number' });
      return 0;
    }
    return n;
  };
  const amount = (field: NewOrderField, text: string): number | undefined => {
    const n = parseAmount(text);
    if (n !== undefined && Number.isNaN(n)) {
      problems.push({ field, problem: 'not_number' });
      return undefined;
    }
    return n;
  };
  const window = d.windowDay === '' ? null : windowInstants(d.windowDay, d.windowFrom, d.windowTo, offsetMinutes);
  const request: NewOrderRequest = {
    customerId: d.customerId,
    customerName: d.customerName.trim(),
    customerPhone: d.customerPhone.trim(),
    customerEmail: d.customerEmail.trim() === '' ? null : d.customerEmail.trim(),
    deliveryAddress: d.deliveryAddress.trim(),
    deliveryCity: d.deliveryCity.trim(),
    deliveryLat: coord('deliveryLat', d.deliveryLat),
    deliveryLon: coord('deliveryLon', d.deliveryLon),
    pickupAddress: d.pickupAddress.trim(),
    pickupLat: coord('pickupLat', d.pickupLat),
    pickupLon: coord('pickupLon', d.pickupLon),
    warehouseId: d.warehouseId,
    serviceType: d.serviceType,
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    cargoDescription: d.cargoDescription.trim(),
    fragile: d.fragile,
    refrigerated: d.refrigerated,
    hazardClass: hazardClassOf(d.hazardClass),
  };
  const weight = amount('weightKg', d.weightKg);
  const volume = amount('volumeM3', d.volumeM3);
  const places = amount('places', d.places);
  if (weight !== undefined) request.weightKg = weight;
  if (volume !== undefined) request.volumeM3 = volume;
  if (places !== undefined) request.places = places;
  // A parse problem of a field wins over the shared check's word for the same field.
  const parsed = new Set(problems.map((p) => p.field));
  const checked = checkNewOrder(
    { ...request, deliveryLat: parsed.has('deliveryLat') ? 0 : request.deliveryLat, pickupLat: parsed.has('pickupLat') ? 0 : request.pickupLat },
    now,
  ).filter((p) => !parsed.has(p.field));
  const all = [...problems, ...checked];
  if (d.warehouseId === null && d.pickupAddress.trim() === '' && !all.some((p) => p.field === 'pickupAddress')) all.push({ field: 'pickupAddress', problem: 'required' });
  return { request: all.length === 0 ? request : null, problems: all };
}
