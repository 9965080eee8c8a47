// One spreadsheet row of orders, read under a column mapping: cells to typed values, the address
// placed (its own coordinates, else the district or city centre the app ships, as the shops' API
// does), the warehouse (named, else the nearest) and its region's clock for the window, and then
// the new-order check the form and main run (new-order-check.ts). Pure: main adds duplicates.
import { checkNewOrder, type IntakeProblem, type NewOrderField } from '../domain/new-order-check';
import { nearest } from '../domain/geo';
import { HAZARD_CLASSES, type HazardClass } from '../domain/order-intake';
import type { ServiceType } from '../domain/vocabulary';
import { placeAddress } from '../geo/gazetteer';
import { localInstant, parseAmountInput, parseDayInput, parseTimeInput } from '../locale/parse-input';
import { importedOrderArgs, type ImportedOrderArgs } from '../mutators/import-orders';
import { ORDER_IMPORT_FIELDS, type OrderImportField, type OrderImportMapping } from './import-fields';

export const ORDER_ROW_PROBLEMS = [
  'not_date',
  'not_yes_no',
  'unknown_service',
  'unknown_warehouse',
  'unknown_city',
  'control_chars',
  'formula',
  'too_long',
  'hazard_class',
  'duplicate_in_file',
  'duplicate_existing',
  'invalid',
] as const;
export type OrderRowProblemCode = IntakeProblem | (typeof ORDER_ROW_PROBLEMS)[number];

/** Why a row is refused, on the column to fix; `value` is the other row or order it repeats. */
export interface OrderRowProblem {
  field: OrderImportField;
  problem: OrderRowProblemCode;
  value?: string;
}

export interface ImportWarehouse {
  id: string;
  name: string;
  address: string;
  lat: number;
  lon: number;
  regionId: string;
  /** The region's clock: wall-clock times in the file are read in it. */
  utcOffsetMinutes: number;
}

export type ParsedOrderRow =
  | { ok: true; args: ImportedOrderArgs & { externalId: string }; approximate: boolean }
  | { ok: false; problems: OrderRowProblem[] };

/** The longest text each column may hold (the createOrder mutator's limits). */
const MAX_LENGTH: Partial<Record<OrderImportField, number>> = {
  externalId: 128,
  customerName: 256,
  customerPhone: 64,
  customerEmail: 256,
  deliveryAddress: 512,
  deliveryCity: 128,
  cargoDescription: 2000,
};
const MAX_CELL = 2000;

// NUL and the other C0 controls (tab and line breaks are kept: Excel cells may wrap).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const SERVICE_WORDS: ReadonlyArray<readonly [ServiceType, readonly string[]]> = [
  ['express', ['express', 'экспресс', 'срочно', 'срочная']],
  ['standard', ['standard', 'стандарт', 'стандартная', 'обычная']],
  ['intercity', ['intercity', 'межгород', 'междугородняя', 'междугородная']],
];
const YES = new Set(['да', 'yes', 'y', 'true', '1', '+', 'x', 'х', '✓', 'истина']);
const NO = new Set(['нет', 'no', 'n', 'false', '0', '-', 'ложь']);

/** Maps the shared check's fields onto the columns: the pickup comes from the warehouse. */
function columnOf(field: NewOrderField): OrderImportField {
  if (field === 'pickupAddress' || field === 'pickupLat' || field === 'pickupLon') return 'warehouseId';
  return field;
}

/**
 * A window time: "2026-12-03 14:00", "03.12.2026 14:00", an ISO instant with its own offset, or
 * (for the end) just "16:00" on the start's day. Wall-clock times are the warehouse region's.
 */
export function parseWhen(text: string, offsetMinutes: number, dayOf: string | null): { at: number; day: string } | 'not_date' | 'window_far' | null {
  const s = text.trim();
  if (s === '') return null;
  const year = /(^|\D)(\d{4})(\D|$)/.exec(s);
  if (year && Number(year[2]) > 2099) return 'window_far';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const at = Date.parse(s);
    return Number.isNaN(at) ? 'not_date' : { at, day: new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10) };
  }
  const parts = s.split(/[\sT]+/);
  const onlyTime = parts.length === 1 ? parseTimeInput(parts[0] ?? '') : null;
  if (onlyTime !== null && dayOf !== null && /[:.]/.test(s)) {
    const at = localInstant(dayOf, onlyTime, offsetMinutes);
    return at === null ? 'not_date' : { at, day: dayOf };
  }
  const day = parseDayInput(parts[0] ?? '');
  if (day === null || parts.length > 2) return 'not_date';
  const minute = parts.length === 2 ? parseTimeInput((parts[1] ?? '').replace(/^(\d{1,2}:\d{2}):\d{2}$/, '$1')) : 0;
  if (minute === null) return 'not_date';
  const at = localInstant(day, minute, offsetMinutes);
  return at === null ? 'not_date' : { at, day };
}

export function parseOrderRow(cells: readonly string[], mapping: OrderImportMapping, ctx: { warehouses: readonly ImportWarehouse[]; now: number }): ParsedOrderRow {
  const problems: OrderRowProblem[] = [];
  const cell = (field: OrderImportField): string => {
    const i = mapping[field];
    if (i === undefined || i === null) return '';
    const raw = (cells[i] ?? '').trim();
    if (CONTROL.test(raw)) {
      problems.push({ field, problem: 'control_chars' });
      return '';
    }
    // A CSV cell that is a formula's text: a value was meant (Excel cells come as their result).
    if (raw.startsWith('=')) {
      problems.push({ field, problem: 'formula' });
      return '';
    }
    if (raw.length > (MAX_LENGTH[field] ?? MAX_CELL)) {
      problems.push({ field, problem: 'too_long' });
      return '';
    }
    return raw;
  };
  const number = (field: OrderImportField): number | undefined => {
    const n = parseAmountInput(cell(field));
    if (n !== undefined && Number.isNaN(n)) {
      problems.push({ field, problem: 'not_number' });
      return undefined;
    }
    return n;
  };
  const yesNo = (field: OrderImportField): boolean => {
    const v = cell(field).toLowerCase();
    if (v === '' || NO.has(v)) return false;
    if (YES.has(v)) return true;
    problems.push({ field, problem: 'not_yes_no' });
    return false;
  };

  const externalId = cell('externalId');
  if (externalId === '') problems.push({ field: 'externalId', problem: 'required' });
  const customerName = cell('customerName');
  const customerPhone = cell('customerPhone');
  const customerEmail = cell('customerEmail');
  const deliveryAddress = cell('deliveryAddress');
  let deliveryCity = cell('deliveryCity');

  const serviceText = cell('serviceType').toLowerCase();
  const serviceType: ServiceType = serviceText === '' ? 'standard' : (SERVICE_WORDS.find(([, words]) => words.includes(serviceText))?.[0] ?? 'standard');
  if (serviceText !== '' && !SERVICE_WORDS.some(([, words]) => words.includes(serviceText))) problems.push({ field: 'serviceType', problem: 'unknown_service' });

  // Where it goes: the row's coordinates, else the gazetteer's district or city centre.
  const lat = number('deliveryLat');
  const lon = number('deliveryLon');
  let point: { lat: number; lon: number } | null = null;
  let approximate = false;
  if (lat !== undefined && lon !== undefined) point = { lat, lon };
  else if (lat !== undefined || lon !== undefined) problems.push({ field: lat === undefined ? 'deliveryLat' : 'deliveryLon', problem: 'required' });
  else if (deliveryCity !== '') {
    const place = placeAddress(deliveryCity, deliveryAddress);
    if (place === undefined) problems.push({ field: 'deliveryCity', problem: 'unknown_city' });
    else {
      point = { lat: place.lat, lon: place.lon };
      deliveryCity = place.city;
      approximate = true;
    }
  }

  const whText = cell('warehouseId');
  let warehouse: ImportWarehouse | undefined;
  if (whText !== '') {
    const wanted = whText.toLowerCase();
    warehouse = ctx.warehouses.find((w) => w.id.toLowerCase() === wanted || w.name.toLowerCase() === wanted);
    if (warehouse === undefined) problems.push({ field: 'warehouseId', problem: 'unknown_warehouse' });
  } else if (point !== null) {
    warehouse = nearest(ctx.warehouses, point);
  }
  const offset = warehouse?.utcOffsetMinutes ?? 300;

  const start = parseWhen(cell('windowStart'), offset, null);
  const end = parseWhen(cell('windowEnd'), offset, typeof start === 'object' && start !== null ? start.day : null);
  for (const [field, w] of [['windowStart', start], ['windowEnd', end]] as const) {
    if (w === 'not_date' || w === 'window_far') problems.push({ field, problem: w });
  }
  const windowStart = typeof start === 'object' && start !== null ? start.at : null;
  const windowEnd = typeof end === 'object' && end !== null ? end.at : null;

  const hazardText = cell('hazardClass');
  let hazardClass: HazardClass | null = null;
  if (hazardText !== '') {
    if ((HAZARD_CLASSES as readonly string[]).includes(hazardText)) hazardClass = hazardText as HazardClass;
    else problems.push({ field: 'hazardClass', problem: 'hazard_class' });
  }
  const weightKg = number('weightKg');
  const volumeM3 = number('volumeM3');
  const places = number('places');
  const fragile = yesNo('fragile');
  const refrigerated = yesNo('refrigerated');
  const cargoDescription = cell('cargoDescription');

  const args: ImportedOrderArgs & { externalId: string } = {
    externalId,
    customerName,
    customerPhone,
    customerEmail: customerEmail === '' ? null : customerEmail,
    deliveryAddress,
    deliveryCity,
    deliveryLat: point?.lat ?? 0,
    deliveryLon: point?.lon ?? 0,
    pickupAddress: warehouse?.address ?? '',
    pickupLat: warehouse?.lat ?? 0,
    pickupLon: warehouse?.lon ?? 0,
    warehouseId: warehouse?.id ?? null,
    regionId: warehouse?.regionId ?? '',
    serviceType,
    windowStart,
    windowEnd,
    cargoDescription,
    fragile,
    refrigerated,
    hazardClass,
  };
  if (weightKg !== undefined) args.weightKg = weightKg;
  if (volumeM3 !== undefined) args.volumeM3 = volumeM3;
  if (places !== undefined) args.places = places;

  // The form's and main's rule, on the columns it can blame; a column already refused above
  // keeps its first, more exact reason.
  const named = new Set(problems.map((p) => p.field));
  for (const p of checkNewOrder(args, ctx.now)) {
    const field = columnOf(p.field);
    if (named.has(field)) continue;
    // Coordinates are 0 when the address could not be placed: that is the city's problem.
    if ((field === 'deliveryLat' || field === 'deliveryLon') && point === null) continue;
    if (field === 'warehouseId' && warehouse === undefined && whText === '' && point === null) continue;
    named.add(field);
    problems.push({ field, problem: p.problem });
  }
  if (point === null && !problems.some((p) => p.field === 'deliveryCity' || p.field === 'deliveryLat' || p.field === 'deliveryLon')) {
    problems.push({ field: 'deliveryCity', problem: 'required' });
  }
  if (problems.length > 0) return { ok: false, problems };
  // The mutator's own schema last: a rule added there later still refuses the row here.
  const checked = importedOrderArgs.safeParse(args);
  if (!checked.success) {
    const path = String(checked.error.issues[0]?.path[0] ?? 'externalId');
    const field = (ORDER_FIELD_SET.has(path) ? path : 'externalId') as OrderImportField;
    return { ok: false, problems: [{ field, problem: 'invalid' }] };
  }
  return { ok: true, args, approximate };
}

const ORDER_FIELD_SET: ReadonlySet<string> = new Set<string>(ORDER_IMPORT_FIELDS);
