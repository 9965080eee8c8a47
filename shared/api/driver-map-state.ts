// What a driver's marker shows, from the panel's row and the clock. Pure and shared so the
// map, the drivers panel and the suggestions agree on "no signal".
import { hasNoSignal } from '../domain/driver-signal';
import type { ShiftState } from '../domain/vocabulary';

export type DriverMapState = 'free' | 'busy' | 'off_shift' | 'no_signal';

export function driverMapState(
  d: { shiftState: ShiftState; load: number; fixAt: number | null; noSignal?: boolean },
  now: number,
): DriverMapState {
  if (d.shiftState === 'off_shift') return 'off_shift';
  if (hasNoSignal(d, now)) return 'no_signal';
  // On a break a driver takes no new orders, so the marker must not say free.
  return d.load > 0 || d.shiftState === 'on_break' ? 'busy' : 'free';
}
