import { describe, expect, it } from 'vitest';
import { hasVehicleRequirement, permitsAdrClass, vehicleMatches, type VehicleFacts } from './vehicle-match';

const tent20: VehicleFacts = { type: 'tent', tonnage: 20, volumeM3: 82, refrigerated: false, adrClasses: '3,8', oversize: false };
const reefer: VehicleFacts = { type: 'refrigerator', tonnage: 10, volumeM3: 40, refrigerated: false, adrClasses: '', oversize: false };

describe('vehicleMatches', () => {
  it('checks every requirement at once', () => {
    expect(vehicleMatches(tent20, { vehicleType: 'tent', minTonnage: 20, minVolumeM3: 80, adrClass: '3' })).toBe(true);
    expect(vehicleMatches(tent20, { minTonnage: 20.5 })).toBe(false);
    expect(vehicleMatches(tent20, { minVolumeM3: 90 })).toBe(false);
    expect(vehicleMatches(tent20, { vehicleType: 'van' })).toBe(false);
    expect(vehicleMatches(tent20, { oversize: true })).toBe(false);
    expect(vehicleMatches(tent20, { refrigerated: true })).toBe(false);
    expect(vehicleMatches(reefer, { refrigerated: true })).toBe(true);
  });
  it('reads ADR permits by class and subclass', () => {
    expect(permitsAdrClass('2,3,8', '8')).toBe(true);
    expect(permitsAdrClass('2,3,8', '2.1')).toBe(true);
    expect(permitsAdrClass('2.1', '2')).toBe(false);
    expect(permitsAdrClass('', '3')).toBe(false);
    expect(permitsAdrClass('1,3', '1.4')).toBe(true);
  });
  it('knows when no vehicle requirement was given', () => {
    expect(hasVehicleRequirement({})).toBe(false);
    expect(hasVehicleRequirement({ refrigerated: false, minTonnage: 0 })).toBe(false);
    expect(hasVehicleRequirement({ oversize: true })).toBe(true);
  });
});
