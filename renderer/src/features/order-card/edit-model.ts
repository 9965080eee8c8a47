// The card's edit dialog as text fields and the one function that turns them into the
// editOrder mutator's `changes`: only what differs from the order, each wrong field named by
// the same shared check the new-order form uses (shared/domain/new-order-check.ts).
import { checkNewOrder, type FieldProblem, type NewOrderField } from '../../../../shared/domain/new-order-check';
import type { OrderEdit } from '../../../../shared/mutators/order-intake-mutators';
import type { OrderRow } from '../../../../shared/schema';
import { coordText, parseAmount, windowInstants, windowParts } from '../../ui/form-input';
import { hazardClassOf, type OrderFieldsDraft } from '../../ui/order-draft';

export type EditDraft = OrderFieldsDraft;

type EditableOrder = Pick<
  OrderRow,
  | 'customerName'
  | 'customerPhone'
  | 'customerEmail'
  | 'deliveryAddress'
  | 'deliveryCity'
  | 'deliveryLat'
  | 'deliveryLon'
  | 'pickupAddress'
  | 'pickupLat'
  | 'pickupLon'
  | 'windowStart'
  | 'windowEnd'
  | 'cargoDescription'
  | 'weightKg'
  | 'volumeM3'
  | 'places'
  | 'fragile'
  | 'refrigerated'
  | 'hazardClass'
>;

export function draftFromOrder(o: EditableOrder, offsetMinutes: number): EditDraft {
  const w = o.windowStart !== null && o.windowEnd !== null ? windowParts(o.windowStart, o.windowEnd, offsetMinutes) : null;
  return {
    customerName: o.customerName,
    customerPhone: o.customerPhone,
    customerEmail: o.customerEmail ?? '',
    deliveryAddress: o.deliveryAddress,
    deliveryCity: o.deliveryCity,
    deliveryLat: coordText(o.deliveryLat),
    deliveryLon: coordText(o.deliveryLon),
    windowDay: w?.day ?? '',
    windowFrom: w?.from ?? 14 * 60,
    windowTo: w?.to ?? 16 * 60,
    cargoDescription: o.cargoDescription,
    weightKg: String(o.weightKg),
    volumeM3: String(o.volumeM3),
    places: String(o.places),
    fragile: o.fragile,
    refrigerated: o.refrigerated,
    hazardClass: hazardClassOf(o.hazardClass) ?? '',
  };
}

export interface BuiltEdit {
  /** null when nothing changed (or something is wrong: see problems). */
  changes: OrderEdit | null;
  problems: FieldProblem[];
}

export function buildEdit(o: EditableOrder, d: EditDraft, offsetMinutes: number, now: number): BuiltEdit {
  const problems: FieldProblem[] = [];
  const num = (field: NewOrderField, text: string, required: boolean): number | undefined => {
    const n = parseAmount(text);
    if (n === undefined) {
      if (required) problems.push({ field, problem: 'required' });
      return undefined;
    }
    if (Number.isNaN(n)) {
      problems.push({ field, problem: 'not_number' });
      return undefined;
    }
    return n;
  };
  const lat = num('deliveryLat', d.deliveryLat, true);
  const lon = num('deliveryLon', d.deliveryLon, true);
  const weight = num('weightKg', d.weightKg, false);
  const volume = num('volumeM3', d.volumeM3, false);
  const places = num('places', d.places, false);
  const window = d.windowDay === '' ? null : windowInstants(d.windowDay, d.windowFrom, d.windowTo, offsetMinutes);
  const next: OrderEdit = {
    customerName: d.customerName.trim(),
    customerPhone: d.customerPhone.trim(),
    customerEmail: d.customerEmail.trim() === '' ? null : d.customerEmail.trim(),
    deliveryAddress: d.deliveryAddress.trim(),
    deliveryCity: d.deliveryCity.trim(),
    deliveryLat: lat ?? o.deliveryLat,
    deliveryLon: lon ?? o.deliveryLon,
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    cargoDescription: d.cargoDescription.trim(),
    weightKg: weight ?? 0,
    volumeM3: volume ?? 0,
    places: places ?? 1,
    fragile: d.fragile,
    refrigerated: d.refrigerated,
    hazardClass: hazardClassOf(d.hazardClass),
  };
  const changes: OrderEdit = {};
  for (const key of Object.keys(next) as (keyof OrderEdit)[]) {
    if (next[key] !== o[key]) (changes as Record<string, unknown>)[key] = next[key];
  }
  // A window that changes is checked whole; an old one left alone may well have passed.
  const windowChanged = 'windowStart' in changes || 'windowEnd' in changes;
  const parsed = new Set(problems.map((p) => p.field));
  const checked = checkNewOrder(
    {
      customerName: next.customerName ?? '',
      customerPhone: next.customerPhone,
      customerEmail: next.customerEmail,
      deliveryAddress: next.deliveryAddress ?? '',
      deliveryCity: next.deliveryCity ?? '',
      deliveryLat: next.deliveryLat ?? 0,
      deliveryLon: next.deliveryLon ?? 0,
      pickupAddress: o.pickupAddress,
      pickupLat: o.pickupLat,
      pickupLon: o.pickupLon,
      windowStart: windowChanged ? next.windowStart : null,
      windowEnd: windowChanged ? next.windowEnd : null,
      weightKg: next.weightKg,
      volumeM3: next.volumeM3,
      places: next.places,
    },
    now,
  ).filter((p) => !parsed.has(p.field) && (p.field in changes || p.field === 'windowStart' || p.field === 'windowEnd'));
  const all = [...problems, ...checked];
  return { changes: all.length === 0 && Object.keys(changes).length > 0 ? changes : null, problems: all };
}
