// Which position updates the map must draw: a second's fixes for drivers outside the drawn
// area change nothing on screen, so they cost no repaint.
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import type { Bounds } from './clustering';

type Located = Pick<DriverListRow, 'lat' | 'lon'>;

function inside(d: Located, [west, south, east, north]: Bounds): boolean {
  return d.lat !== null && d.lon !== null && d.lat >= south && d.lat <= north && d.lon >= west && d.lon <= east;
}

/**
 * Whether a driver that changed between two lists of the same roster (same order; rows are
 * replaced, never mutated, when a fix arrives) is inside `bounds` now or was before.
 * A different length means a different roster: always true.
 */
export function changedWithin<T extends Located>(prev: readonly T[], next: readonly T[], bounds: Bounds | null): boolean {
  if (!bounds || prev.length !== next.length) return true;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a === b) continue;
    if (!a || !b || inside(a, bounds) || inside(b, bounds)) return true;
  }
  return false;
}
