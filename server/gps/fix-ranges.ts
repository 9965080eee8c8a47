// Range checks for the optional fields of a fix. A phone (or anyone who knows a device id)
// can send `speed=1e9&batt=1e9&bearing=1e9`; such a value is dropped (null, as if not sent)
// and counted per field, and the rest of the fix goes on to the filter, which decides by its
// own rules (coordinates out of range: invalid_coordinates; bad time: future/stale). Pure.
import type { GpsFix } from './gps-fix';

export const RANGED_FIELDS = ['speed', 'heading', 'altitude', 'accuracy', 'battery'] as const;
export type RangedField = (typeof RANGED_FIELDS)[number];

/** Inclusive bounds. Speed: beyond any road vehicle; altitude: the Dead Sea shore to above any road. */
export const FIELD_RANGES: Readonly<Record<RangedField, { min: number; max: number }>> = {
  speed: { min: 0, max: 500 }, // km/h
  heading: { min: 0, max: 360 }, // degrees
  altitude: { min: -500, max: 9000 }, // metres
  accuracy: { min: 0, max: 100_000 }, // metres; the filter refuses anything worse than 100 m anyway
  battery: { min: 0, max: 100 }, // percent
};

const KEY: Readonly<Record<RangedField, 'speedKmh' | 'headingDeg' | 'altitudeM' | 'accuracyM' | 'battery'>> = {
  speed: 'speedKmh',
  heading: 'headingDeg',
  altitude: 'altitudeM',
  accuracy: 'accuracyM',
  battery: 'battery',
};

/** The fix with every out-of-range (or non-finite) optional field set to null, and which were. */
export function dropOutOfRange(fix: GpsFix): { fix: GpsFix; dropped: RangedField[] } {
  const dropped: RangedField[] = [];
  let out = fix;
  for (const field of RANGED_FIELDS) {
    const value = fix[KEY[field]];
    if (value === null) continue;
    const { min, max } = FIELD_RANGES[field];
    if (Number.isFinite(value) && value >= min && value <= max) continue;
    if (out === fix) out = { ...fix };
    out[KEY[field]] = null;
    dropped.push(field);
  }
  return { fix: out, dropped };
}
