// What a new order typed in by a person must satisfy beyond its shape (the mutator's schema):
// a phone that can be dialled, coordinates on the Earth, a delivery window that is real and
// not years away. The form shows each problem next to its field; main runs the same check
// before it writes, so a page that skips the form is refused the same way.
import { normalizePhone } from '../carriers/normalize-phone';
import { MAX_TIME, WINDOW_MAX_MS, WINDOW_MIN_MS } from './order-intake';

export const NEW_ORDER_FIELDS = [
  'customerName',
  'customerPhone',
  'customerEmail',
  'deliveryAddress',
  'deliveryCity',
  'deliveryLat',
  'deliveryLon',
  'pickupAddress',
  'pickupLat',
  'pickupLon',
  'warehouseId',
  'serviceType',
  'windowStart',
  'windowEnd',
  'cargoDescription',
  'weightKg',
  'volumeM3',
  'places',
  'hazardClass',
] as const;
export type NewOrderField = (typeof NEW_ORDER_FIELDS)[number];

export const INTAKE_PROBLEMS = [
  'required',
  'phone',
  'email',
  'latitude',
  'longitude',
  'not_number',
  'negative',
  'too_large',
  'whole',
  'window_incomplete',
  'window_order',
  'window_short',
  'window_long',
  'window_past',
  'window_far',
] as const;
export type IntakeProblem = (typeof INTAKE_PROBLEMS)[number];

export interface FieldProblem {
  field: NewOrderField;
  problem: IntakeProblem;
}

/** A delivery window more than this far ahead is a typo (a year in 2100), not a plan. */
export const WINDOW_MAX_AHEAD_MS = 180 * 24 * 3_600_000;
export const PHONE_MIN_DIGITS = 10;
export const PHONE_MAX_DIGITS = 15;
export const MAX_WEIGHT_KG = 100_000;
export const MAX_VOLUME_M3 = 1_000;
export const MAX_PLACES = 10_000;

const PHONE_CHARS = /^[+\d\s()\-.\u00a0]+$/;

/**
 * 'required' for nothing typed, 'phone' for what cannot be a number to call: letters, too few
 * or too many digits, or a Kazakh/Russian number (7...) that is not 11 digits long.
 */
export function phoneProblem(raw: string): 'required' | 'phone' | null {
  const s = raw.trim();
  if (s === '') return 'required';
  if (!PHONE_CHARS.test(s)) return 'phone';
  const digits = normalizePhone(s);
  if (digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS) return 'phone';
  if (digits.startsWith('7') && digits.length !== 11) return 'phone';
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewOrderInput {
  customerName: string;
  customerPhone?: string | undefined;
  customerEmail?: string | null | undefined;
  deliveryAddress: string;
  deliveryCity: string;
  deliveryLat: number;
  deliveryLon: number;
  pickupAddress: string;
  pickupLat: number;
  pickupLon: number;
  windowStart?: number | null | undefined;
  windowEnd?: number | null | undefined;
  weightKg?: number | undefined;
  volumeM3?: number | undefined;
  places?: number | undefined;
}

function coordinate(field: NewOrderField, value: number, limit: number, problem: 'latitude' | 'longitude'): FieldProblem[] {
  if (!Number.isFinite(value)) return [{ field, problem: 'not_number' }];
  return Math.abs(value) > limit ? [{ field, problem }] : [];
}

function amount(field: NewOrderField, value: number | undefined, max: number, whole = false): FieldProblem[] {
  if (value === undefined) return [];
  if (!Number.isFinite(value)) return [{ field, problem: 'not_number' }];
  if (value < 0) return [{ field, problem: 'negative' }];
  if (value > max) return [{ field, problem: 'too_large' }];
  if (whole && (!Number.isInteger(value) || value < 1)) return [{ field, problem: 'whole' }];
  return [];
}

/** The window's problems, on the field a person fixes: the end for order and length. */
export function windowProblems(start: number | null | undefined, end: number | null | undefined, now: number): FieldProblem[] {
  const s = start ?? null;
  const e = end ?? null;
  if (s === null && e === null) return [];
  if (s === null) return [{ field: 'windowStart', problem: 'window_incomplete' }];
  if (e === null) return [{ field: 'windowEnd', problem: 'window_incomplete' }];
  if (s > MAX_TIME || s > now + WINDOW_MAX_AHEAD_MS) return [{ field: 'windowStart', problem: 'window_far' }];
  if (e <= s) return [{ field: 'windowEnd', problem: 'window_order' }];
  if (e - s < WINDOW_MIN_MS) return [{ field: 'windowEnd', problem: 'window_short' }];
  if (e - s > WINDOW_MAX_MS) return [{ field: 'windowEnd', problem: 'window_long' }];
  // A window may have started a little ago (the customer is on the phone now), not ended.
  if (e < now) return [{ field: 'windowEnd', problem: 'window_past' }];
  return [];
}

/** Every problem of a new order typed in by a person, in the form's field order; [] when it may be saved. */
export function checkNewOrder(a: NewOrderInput, now: number): FieldProblem[] {
  const out: FieldProblem[] = [];
  const required = (field: NewOrderField, v: string) => {
    if (v.trim() === '') out.push({ field, problem: 'required' });
  };
  required('customerName', a.customerName);
  const phone = phoneProblem(a.customerPhone ?? '');
  if (phone !== null) out.push({ field: 'customerPhone', problem: phone });
  const email = (a.customerEmail ?? '').trim();
  if (email !== '' && !EMAIL.test(email)) out.push({ field: 'customerEmail', problem: 'email' });
  required('deliveryAddress', a.deliveryAddress);
  required('deliveryCity', a.deliveryCity);
  out.push(...coordinate('deliveryLat', a.deliveryLat, 90, 'latitude'), ...coordinate('deliveryLon', a.deliveryLon, 180, 'longitude'));
  required('pickupAddress', a.pickupAddress);
  out.push(...coordinate('pickupLat', a.pickupLat, 90, 'latitude'), ...coordinate('pickupLon', a.pickupLon, 180, 'longitude'));
  out.push(...windowProblems(a.windowStart, a.windowEnd, now));
  out.push(...amount('weightKg', a.weightKg, MAX_WEIGHT_KG), ...amount('volumeM3', a.volumeM3, MAX_VOLUME_M3), ...amount('places', a.places, MAX_PLACES, true));
  return out;
}
