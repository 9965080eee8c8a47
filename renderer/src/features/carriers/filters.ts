// The filter form holds text as typed; this turns it into the search request (numbers parsed,
// empty fields left out) so a half-typed "2" never becomes a filter on "2 t" by surprise.
import type { CarrierFilters } from '../../../../shared/api/carriers-api';
import { VEHICLE_TYPES, type VehicleType } from '../../../../shared/domain/vocabulary';

export interface FilterDraft {
  fromCity: string;
  toCity: string;
  vehicleType: string;
  minTonnage: string;
  minVolumeM3: string;
  refrigerated: boolean;
  adrClass: string;
  oversize: boolean;
  securityPassed: boolean;
  /** yyyy-mm-dd from <input type="date">, or ''. */
  availableBy: string;
  text: string;
}

export const EMPTY_DRAFT: FilterDraft = {
  fromCity: '',
  toCity: '',
  vehicleType: '',
  minTonnage: '',
  minVolumeM3: '',
  refrigerated: false,
  adrClass: '',
  oversize: false,
  securityPassed: false,
  availableBy: '',
  text: '',
};

export const ADR_CLASSES = ['1', '2', '3', '4.1', '4.2', '4.3', '5.1', '5.2', '6.1', '6.2', '7', '8', '9'] as const;

function positive(text: string): number | undefined {
  const n = Number(text.replace(',', '.').trim());
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The end of that day in Astana/Almaty (UTC+5): "free by the 12th" includes the 12th. */
export function endOfDayKz(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999) - 5 * 3_600_000;
}

export function toFilters(d: FilterDraft): CarrierFilters {
  const f: CarrierFilters = {};
  if (d.fromCity.trim() !== '') f.fromCity = d.fromCity.trim();
  if (d.toCity.trim() !== '') f.toCity = d.toCity.trim();
  if ((VEHICLE_TYPES as readonly string[]).includes(d.vehicleType)) f.vehicleType = d.vehicleType as VehicleType;
  const tons = positive(d.minTonnage);
  if (tons !== undefined) f.minTonnage = Math.min(tons, 200);
  const volume = positive(d.minVolumeM3);
  if (volume !== undefined) f.minVolumeM3 = Math.min(volume, 500);
  if (d.refrigerated) f.refrigerated = true;
  if (d.adrClass !== '') f.adrClass = d.adrClass;
  if (d.oversize) f.oversize = true;
  if (d.securityPassed) f.securityPassed = true;
  const by = endOfDayKz(d.availableBy);
  if (by !== undefined) f.availableBy = by;
  if (d.text.trim() !== '') f.text = d.text.trim().slice(0, 200);
  return f;
}

export function isEmptySearch(f: CarrierFilters): boolean {
  return Object.keys(f).length === 0;
}
