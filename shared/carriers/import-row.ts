// One spreadsheet row -> the arguments of one carrier in the importCarriers mutation, or the
// reasons it is rejected. Cells are text as Excel shows them; people write numbers with
// commas and units ("20,5 т"), yes/no in Russian, vehicle types in Russian, lanes as
// "Алматы - Астана; Алматы → Шымкент". Every problem is reported; nothing is guessed silently.
import { z } from 'zod';
import type { VehicleType } from '../domain/vocabulary';
import { carrierFields, vehicleFields, type ImportRowArgs } from './carrier-args';
import { resolveCityName } from './city-names';
import type { CarrierImportField } from './import-fields';
import { normalizePhone } from './normalize-phone';
import { checkTaxId, cleanTaxId } from './tax-id';

export type ImportMapping = Partial<Record<CarrierImportField, number | null>>;

export type ParsedRow =
  | { ok: true; args: ImportRowArgs; phoneNormalized: string; taxId: string }
  | { ok: false; errors: string[] };

const VEHICLE_WORDS: ReadonlyArray<readonly [VehicleType, readonly string[]]> = [
  ['refrigerator', ['реф', 'рефрижератор', 'изотерм', 'refrigerator', 'reefer']],
  ['tent', ['тент', 'шторн', 'tent', 'curtain']],
  ['flatbed', ['борт', 'площадк', 'трал', 'flatbed', 'platform']],
  ['container', ['контейнер', 'container']],
  ['tanker', ['цистерн', 'бензовоз', 'tanker', 'tank']],
  ['van', ['фургон', 'газель', 'van']],
  ['car', ['легков', 'car']],
];

const YES = new Set(['да', 'yes', 'y', 'true', '1', '+', 'x', 'х', 'есть', '✓', 'v']);
const NO = new Set(['нет', 'no', 'n', 'false', '0', '-', '—', '']);

export function parseVehicleType(text: string): VehicleType | null {
  const t = text.trim().toLowerCase();
  for (const [type, words] of VEHICLE_WORDS) if (words.some((w) => t.startsWith(w) || t === w)) return type;
  return null;
}

/** "20", "20,5", "20.5 т", "86 м3" -> number; null when it is not a number. */
export function parseNumber(text: string): number | null {
  const m = /^\s*(\d{1,9}(?:[.,]\d+)?)\s*(т|тн|тонн|t|tons?|м3|м³|m3|куб\.?)?\s*$/i.exec(text.replace(/\u00a0/g, ' '));
  return m?.[1] === undefined ? null : Number(m[1].replace(',', '.'));
}

export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/** Splits "Алматы - Астана" / "Алматы→Астана"; a bare hyphen only where both sides are known cities ("Усть-Каменогорск"). */
function splitLane(part: string, knownCities: readonly string[]): [string, string] | null {
  const spaced = part.split(/\s*(?:->|→|—|–|>)\s*|\s+-\s+/).map((c) => c.trim()).filter((c) => c !== '');
  if (spaced.length === 2) return [spaced[0] ?? '', spaced[1] ?? ''];
  if (spaced.length !== 1) return null;
  const pieces = part.split('-');
  for (let i = 1; i < pieces.length; i++) {
    const from = pieces.slice(0, i).join('-').trim();
    const to = pieces.slice(i).join('-').trim();
    if (resolveCityName(from, knownCities) !== null && resolveCityName(to, knownCities) !== null) return [from, to];
  }
  return pieces.length === 2 ? [pieces[0]?.trim() ?? '', pieces[1]?.trim() ?? ''] : null;
}

/** "Алматы - Астана; Алматы → Шымкент" -> pairs; null when a part is not two cities. */
export function parseLanes(text: string, knownCities: readonly string[]): { fromCity: string; toCity: string }[] | null {
  const parts = text.split(/[;\n|]+/).map((p) => p.trim()).filter((p) => p !== '');
  const lanes: { fromCity: string; toCity: string }[] = [];
  for (const part of parts) {
    const pair = splitLane(part, knownCities);
    if (pair === null || pair[0] === '' || pair[1] === '') return null;
    const [from, to] = pair.map((c) => resolveCityName(c, knownCities) ?? c) as [string, string];
    lanes.push({ fromCity: from, toCity: to });
  }
  return lanes;
}

function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

/**
 * `isKnownTaxId`: a tax id the base already holds passes even with a wrong check digit (old
 * records), so re-importing an export finds the duplicate instead of rejecting the row.
 */
export function parseImportRow(
  cells: readonly string[],
  mapping: ImportMapping,
  knownCities: readonly string[],
  isKnownTaxId: (taxId: string) => boolean = () => false,
): ParsedRow {
  const cell = (f: CarrierImportField): string => {
    const i = mapping[f];
    return i === undefined || i === null ? '' : (cells[i] ?? '').trim();
  };
  const errors: string[] = [];

  const name = cell('name');
  if (name === '') errors.push('Name is empty');
  const rawTax = cell('taxId');
  let taxId = '';
  if (rawTax !== '') {
    const check = checkTaxId(rawTax);
    if (check.ok) taxId = check.value;
    else if (check.reason === 'checksum' && isKnownTaxId(cleanTaxId(rawTax))) taxId = cleanTaxId(rawTax);
    else errors.push(check.reason === 'format' ? `Tax id "${rawTax}" must be 10 or 12 digits` : `Tax id "${rawTax}" has a wrong check digit`);
  }
  const phone = cell('phone');
  const phoneNormalized = normalizePhone(phone);
  if (phone !== '' && phoneNormalized.length < 10) errors.push(`Phone "${phone}" is too short`);
  if (phone === '' && rawTax === '') errors.push('Neither a phone nor a tax id: the carrier could not be told apart or called');

  const numberCell = (f: CarrierImportField, label: string): number | undefined => {
    const t = cell(f);
    if (t === '') return undefined;
    const n = parseNumber(t);
    if (n === null) errors.push(`${label} "${t}" is not a number`);
    return n ?? undefined;
  };
  const yesNoCell = (f: CarrierImportField, label: string): boolean | undefined => {
    const t = cell(f);
    if (t === '') return undefined;
    const b = parseYesNo(t);
    if (b === null) errors.push(`${label} "${t}" is not yes or no`);
    return b ?? undefined;
  };

  const rating = numberCell('rating', 'Rating');
  if (rating !== undefined && rating > 5) errors.push(`Rating ${rating} is above 5`);
  const city = (f: CarrierImportField) => {
    const t = cell(f);
    return t === '' ? undefined : (resolveCityName(t, knownCities) ?? t);
  };
  const email = cell('email');
  const carrierInput = {
    name,
    taxId,
    phone,
    email: email === '' ? null : email,
    contactPerson: cell('contactPerson'),
    baseCity: city('baseCity') ?? '',
    currentCity: city('currentCity') ?? null,
    notes: cell('notes'),
    ...(rating !== undefined && rating <= 5 ? { rating } : {}),
  };

  const typeText = cell('vehicleType');
  const tonnage = numberCell('tonnage', 'Tonnage');
  const volumeM3 = numberCell('volumeM3', 'Volume');
  const refrigerated = yesNoCell('refrigerated', 'Refrigerated');
  const oversize = yesNoCell('oversize', 'Oversize');
  const adrText = cell('adrClasses');
  const adrClasses = parseYesNo(adrText) === false ? '' : adrText.replace(/[\s;]+/g, ',').replace(/,+/g, ',').replace(/^,|,$/g, '');
  let vehicleInput: unknown;
  if (typeText !== '' || tonnage !== undefined) {
    const type = parseVehicleType(typeText);
    if (type === null) errors.push(typeText === '' ? 'Tonnage given without a vehicle type' : `Vehicle type "${typeText}" is unknown`);
    if (cell('tonnage') === '') errors.push('Vehicle type given without tonnage');
    vehicleInput = { type, tonnage, volumeM3, refrigerated, adrClasses, oversize, plate: cell('plate') };
  }

  const lanesText = cell('lanes');
  const lanes = lanesText === '' ? [] : parseLanes(lanesText, knownCities);
  if (lanes === null) errors.push(`Directions "${lanesText}" must look like "Алматы - Астана; Алматы - Шымкент"`);

  if (errors.length > 0) return { ok: false, errors };
  const carrier = carrierFields.safeParse(carrierInput);
  if (!carrier.success) return { ok: false, errors: [zodMessage(carrier.error)] };
  let vehicle: ImportRowArgs['vehicle'];
  if (vehicleInput !== undefined) {
    const v = vehicleFields.safeParse(vehicleInput);
    if (!v.success) return { ok: false, errors: [zodMessage(v.error)] };
    vehicle = v.data;
  }
  const args: ImportRowArgs = { carrier: carrier.data, ...(vehicle ? { vehicle } : {}), ...(lanes && lanes.length > 0 ? { lanes } : {}) };
  return { ok: true, args, phoneNormalized, taxId };
}
