// Whether one vehicle can take a freight request: the same rule main writes as SQL
// (main/carriers/search-filters-sql.ts) and the result list uses to show matching vehicles.
import type { VehicleType } from '../domain/vocabulary';

export interface VehicleRequirement {
  vehicleType?: VehicleType | undefined;
  minTonnage?: number | undefined;
  minVolumeM3?: number | undefined;
  refrigerated?: boolean | undefined;
  adrClass?: string | undefined;
  oversize?: boolean | undefined;
}

export interface VehicleFacts {
  type: VehicleType;
  tonnage: number;
  volumeM3: number;
  refrigerated: boolean;
  adrClasses: string;
  oversize: boolean;
}

export function hasVehicleRequirement(r: VehicleRequirement): boolean {
  return (
    r.vehicleType !== undefined ||
    (r.minTonnage ?? 0) > 0 ||
    (r.minVolumeM3 ?? 0) > 0 ||
    r.refrigerated === true ||
    (r.adrClass ?? '') !== '' ||
    r.oversize === true
  );
}

/**
 * A permit for class 2 covers 2.1, 2.2...; a permit for 2.1 covers only 2.1. Classes are
 * listed comma separated ("2,3,8").
 */
export function permitsAdrClass(adrClasses: string, wanted: string): boolean {
  const main = wanted.split('.')[0] ?? wanted;
  return adrClasses
    .split(',')
    .map((c) => c.trim())
    .some((c) => c === wanted || c === main);
}

export function vehicleMatches(v: VehicleFacts, r: VehicleRequirement): boolean {
  if (r.vehicleType !== undefined && v.type !== r.vehicleType) return false;
  if (r.minTonnage !== undefined && v.tonnage < r.minTonnage) return false;
  if (r.minVolumeM3 !== undefined && v.volumeM3 < r.minVolumeM3) return false;
  // A refrigerator body is refrigerated whether or not the flag was ticked.
  if (r.refrigerated === true && !v.refrigerated && v.type !== 'refrigerator') return false;
  if (r.adrClass !== undefined && r.adrClass !== '' && !permitsAdrClass(v.adrClasses, r.adrClass)) return false;
  if (r.oversize === true && !v.oversize) return false;
  return true;
}
