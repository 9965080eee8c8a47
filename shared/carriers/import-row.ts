// One spreadsheet row -> the arguments of one carrier in the importCarriers mutation, or the
// reasons it is rejected. Cells are text as Excel shows them; people write numbers with
// commas and units ("20,5 т"), yes/no in Russian, vehicle types in Russian, lanes as
// "Алматы - Астана; Алматы → Шымкент". Every problem is reported, as a code with the cell
// (import-problems.ts; the renderer words it); nothing is guessed silently.
import { z } from 'zod';
import type { VehicleType } from '../domain/vocabulary';
import { carrierFields, citySchema, CITY_MAX_CHARS, importLanes, MAX_IMPORT_LANES, vehicleFields, type ImportRowArgs } from './carrier-args';
import { resolveCityName } from './city-names';
import { CARRIER_IMPORT_FIELDS, type CarrierImportField } from './import-fields';
import type { ImportProblem } from './import-problems';
import { normalizePhone } from './normalize-phone';
import { checkSpreadsheetTaxId, cleanTaxId } from './tax-id';

export type ImportMapping = Partial<Record<CarrierImportField, number | null>>;

export type ParsedRow =
  | { ok: true; args: ImportRowArgs; phoneNormalized: string; taxId: string }
  | { ok: false; problems: ImportProblem[] };

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
  // A sign is read too, so "-5" is refused by the range check ("must be above 0"), not as "not a number".
  const m = /^\s*(-?\d{1,9}(?:[.,]\d+)?)\s*(т|тн|тонн|t|tons?|м3|м³|m3|куб\.?)?\s*$/i.exec(text.replace(/\u00a0/g, ' '));
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

const RATING_MAX = 5;

/** The mutation's lane rules (importLanes): at most MAX_IMPORT_LANES, city names of bounded length. */
function laneProblems(lanes: { fromCity: string; toCity: string }[]): ImportProblem[] {
  if (importLanes.safeParse(lanes).success) return [];
  if (lanes.length > MAX_IMPORT_LANES) return [{ code: 'too_many_lanes', field: 'lanes', count: lanes.length, max: MAX_IMPORT_LANES }];
  const city = lanes.flatMap((l) => [l.fromCity, l.toCity]).find((c) => !citySchema.safeParse(c).success) ?? '';
  return [{ code: 'lane_city_invalid', field: 'lanes', length: city.length, max: CITY_MAX_CHARS }];
}

/** Field schema failures (carrier-args.ts) as problems, each on the column it came from. */
function schemaProblems(error: z.ZodError, cell: (f: CarrierImportField) => string): ImportProblem[] {
  return error.issues.map((issue): ImportProblem => {
    const field = importFieldOf(issue.path[0]);
    const value = cell(field);
    const isNumberField = field === 'rating' || field === 'tonnage' || field === 'volumeM3';
    if (issue.code === 'too_big' && issue.origin === 'string') return { code: 'text_too_long', field, length: value.length, max: Number(issue.maximum) };
    if (issue.code === 'too_big' && isNumberField) return { code: 'number_too_big', field, value, max: Number(issue.maximum) };
    if (issue.code === 'too_small' && isNumberField) {
      const min = Number(issue.minimum);
      return issue.inclusive === false ? { code: 'number_not_above_minimum', field, value, min } : { code: 'number_below_minimum', field, value, min };
    }
    if (issue.code === 'invalid_format' && field === 'email') return { code: 'email_invalid', field, value };
    if (issue.code === 'invalid_format' && field === 'adrClasses') return { code: 'adr_classes_invalid', field, value };
    return { code: 'field_invalid', field, value };
  });
}

/** The carrier and vehicle schemas' keys are import fields, except the vehicle's `type`. */
function importFieldOf(key: PropertyKey | undefined): CarrierImportField {
  if (key === 'type') return 'vehicleType';
  const field = CARRIER_IMPORT_FIELDS.find((f) => f === key);
  // parseImportRow fills only keys that are import fields: anything else is a bug here, not bad input.
  if (field === undefined) throw new Error(`carrier import: schema key ${String(key)} has no import field`);
  return field;
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
  const problems: ImportProblem[] = [];

  const name = cell('name');
  if (name === '') problems.push({ code: 'name_empty', field: 'name' });
  const rawTax = cell('taxId');
  let taxId = '';
  if (rawTax !== '') {
    const check = checkSpreadsheetTaxId(rawTax);
    if (check.ok) taxId = check.value;
    else if (check.reason === 'checksum' && isKnownTaxId(cleanTaxId(rawTax))) taxId = cleanTaxId(rawTax);
    else problems.push({ code: check.reason === 'format' ? 'tax_id_format' : 'tax_id_checksum', field: 'taxId', value: rawTax });
  }
  const phone = cell('phone');
  const phoneNormalized = normalizePhone(phone);
  if (phone !== '' && phoneNormalized.length < 10) problems.push({ code: 'phone_too_short', field: 'phone', value: phone });
  if (phone === '' && rawTax === '') problems.push({ code: 'phone_and_tax_id_missing' });

  const numberCell = (f: 'rating' | 'tonnage' | 'volumeM3'): number | undefined => {
    const t = cell(f);
    if (t === '') return undefined;
    const n = parseNumber(t);
    if (n === null) problems.push({ code: 'not_a_number', field: f, value: t });
    return n ?? undefined;
  };
  const yesNoCell = (f: 'refrigerated' | 'oversize'): boolean | undefined => {
    const t = cell(f);
    if (t === '') return undefined;
    const b = parseYesNo(t);
    if (b === null) problems.push({ code: 'not_yes_no', field: f, value: t });
    return b ?? undefined;
  };

  const rating = numberCell('rating');
  if (rating !== undefined && rating > RATING_MAX) problems.push({ code: 'number_too_big', field: 'rating', value: cell('rating'), max: RATING_MAX });
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
    ...(rating !== undefined && rating <= RATING_MAX ? { rating } : {}),
  };

  const typeText = cell('vehicleType');
  const tonnage = numberCell('tonnage');
  const volumeM3 = numberCell('volumeM3');
  const refrigerated = yesNoCell('refrigerated');
  const oversize = yesNoCell('oversize');
  const adrText = cell('adrClasses');
  const adrClasses = parseYesNo(adrText) === false ? '' : adrText.replace(/[\s;]+/g, ',').replace(/,+/g, ',').replace(/^,|,$/g, '');
  let vehicleInput: unknown;
  if (typeText !== '' || tonnage !== undefined) {
    const type = parseVehicleType(typeText);
    if (type === null) {
      problems.push(typeText === '' ? { code: 'vehicle_type_missing', field: 'vehicleType' } : { code: 'vehicle_type_unknown', field: 'vehicleType', value: typeText });
    }
    if (cell('tonnage') === '') problems.push({ code: 'tonnage_missing', field: 'tonnage' });
    vehicleInput = { type, tonnage, volumeM3, refrigerated, adrClasses, oversize, plate: cell('plate') };
  }

  const lanesText = cell('lanes');
  const lanes = lanesText === '' ? [] : parseLanes(lanesText, knownCities);
  if (lanes === null) problems.push({ code: 'lanes_format', field: 'lanes', value: lanesText });

  if (problems.length > 0) return { ok: false, problems };
  // The schemas the mutation checks too (lengths, ranges, e-mail, ADR classes): a row failing
  // them here is rejected alone instead of making the server refuse its whole batch.
  const carrier = carrierFields.safeParse(carrierInput);
  if (!carrier.success) problems.push(...schemaProblems(carrier.error, cell));
  const v = vehicleInput === undefined ? undefined : vehicleFields.safeParse(vehicleInput);
  if (v !== undefined && !v.success) problems.push(...schemaProblems(v.error, cell));
  problems.push(...laneProblems(lanes ?? []));
  if (problems.length > 0 || !carrier.success) return { ok: false, problems };
  const vehicle: ImportRowArgs['vehicle'] = v?.data;
  const args: ImportRowArgs = { carrier: carrier.data, ...(vehicle ? { vehicle } : {}), ...(lanes && lanes.length > 0 ? { lanes } : {}) };
  return { ok: true, args, phoneNormalized, taxId };
}
