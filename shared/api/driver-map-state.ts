// What a driver's marker shows, from the panel's row and the clock. Pure and shared so the
// map, the drivers panel and the suggestions agree on "no signal".
import { hasNoSignal } from '../domain/driver-signal';
import type { ShiftState } from '../domain/vocabulary';

export type DriverMapState = 'free' | 'busy' | 'on_break' | 'off_shift' | 'no_signal';

export function driverMapState(
  d: { shiftState: ShiftState; load: number; fixAt: number | null; noSignal?: boolean },
  now: number,
): DriverMapState {
  if (d.shiftState === 'off_shift') return 'off_shift';
  if (hasNoSignal(d, now)) return 'no_signal';
  // Orders in work make a driver busy, break or not. On a break with nothing in work the
  // driver is neither free (takes no new client) nor busy (carries nothing): its own state.
  if (d.load > 0) return 'busy';
  return d.shiftState === 'on_break' ? 'on_break' : 'free';
}
